import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // The code is written against React's API and types; what ships is Preact's implementation of it
  // (preact/compat). React DOM alone was 58 kB of the content script's 112 kB gzipped, on every
  // Procore, Xero and Zoho Books page; with Preact the content script is 51 kB (budget: 100 kB).
  // The e2e suite runs the shipped build, so it covers the swap.
  vite: () => ({
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react$/, replacement: 'preact/compat' },
      ],
    },
  }),
  // `npm run zip`: the Firefox add-on site asks for the sources that build the extension; the
  // service, the tests and what they leave behind are not part of it.
  zip: {
    excludeSources: ['server/**', 'e2e/**', 'scripts/demo.ts', 'docs/**', 'demo-screenshots/**', 'reports/**', 'test-results/**', 'data/**'],
  },
  manifest: ({ browser }) => {
    /** Asked for at sign-in, for the service's origin only. */
    const serviceOrigins = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
    return {
      name: 'ERP Sync Inspector',
      description:
        'Shows on Procore, Xero and Zoho Books lists whether each invoice, bill and cost is synced with the other system, and fixes it from the row.',
      // storage: the service address, token and settings. alarms: wakes the worker to finish pushes
      // it was stopped in the middle of. Host access comes from the content scripts' matches.
      permissions: ['storage', 'alarms'],
      // Manifest V2 (Firefox) lists optional hosts among the optional permissions.
      ...(browser === 'firefox' ? { optional_permissions: serviceOrigins } : { optional_host_permissions: serviceOrigins }),
      // Mozilla signs an add-on under a fixed id; 128 is the first Firefox that runs the grid helper
      // in the page's world (Procore's grids get no column before it).
      ...(browser === 'firefox' && {
        browser_specific_settings: { gecko: { id: 'erp-sync-inspector@construction-finance.tools', strict_min_version: '128.0' } },
      }),
    };
  },
});
