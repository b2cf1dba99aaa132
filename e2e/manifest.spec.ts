// Pins what the installed extension asks of the browser, so any widening is a visible change.
import { matchPatterns } from '../lib/sites';
import { attack, expect, test } from './harness';

interface InstalledManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_scripts: { matches: string[]; js: string[]; world?: string }[];
}

test('the installed manifest asks for storage, alarms, the side panel and the three host families only, isolated but for the grid helper', async ({ extension }) => {
  attack(
    'the manifest\'s permissions are pinned: storage, alarms, sidePanel, no host permission but the service\'s origin asked at sign-in, no externally_connectable, no web-accessible resources',
  );
  const page = await extension.openExtensionPage('manifest.json');
  const manifest = JSON.parse((await page.locator('body').textContent()) ?? '') as InstalledManifest;
  expect(manifest.manifest_version).toBe(3);
  // storage: the connection to the service and the site and list switches.
  // alarms: wakes a stopped service worker to follow open pushes to their end.
  // sidePanel: the panel with the account's errors and sync by URL.
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'sidePanel']);
  // Content scripts reach the host pages through their matches: no host permission is needed.
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  // Asked for at sign-in, for the service's origin only.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  // No web page may message the extension, or load any of its files.
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  // The inspector runs isolated in every supported family; only the small grid helper, which holds
  // no token and sends no messages, runs in the page's own world, and only on Procore.
  const scripts = manifest.content_scripts.map(({ js, matches, world }) => ({ js, matches: [...matches].sort(), world: world ?? 'ISOLATED' }));
  expect(scripts).toEqual([
    { js: ['content-scripts/ag-grid-column.js'], matches: ['https://*.procore.com/*'], world: 'MAIN' },
    { js: ['content-scripts/host-page.js'], matches: matchPatterns().sort(), world: 'ISOLATED' },
  ]);
});
