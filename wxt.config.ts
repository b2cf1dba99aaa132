import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // `npm run zip`: the Firefox add-on site asks for the sources that build the extension; the
  // service, the tests and what they leave behind are not part of it.
  zip: {
    excludeSources: ['server/**', 'e2e/**', 'scripts/demo.ts', 'docs/**', 'demo-screenshots/**', 'reports/**', 'test-results/**', 'data/**'],
  },
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
