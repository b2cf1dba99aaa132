import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: {
    name: 'ERP Sync Inspector',
    description:
      'Shows on Procore, Xero and Zoho Books lists whether each invoice, bill and cost is synced with the other system, and fixes it from the row.',
    // storage: the service address, token and settings. alarms: wakes the worker to finish pushes
    // it was stopped in the middle of. Host access comes from the content scripts' matches.
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  },
});
