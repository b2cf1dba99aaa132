// Pins what the installed extension asks of the browser, so any widening is a visible change.
import { matchPatterns } from '../lib/sites';
import { expect, test } from './harness';

interface InstalledManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_scripts: { matches: string[] }[];
}

test('the installed manifest asks for storage and the three host families only', async ({ extension }) => {
  const page = await extension.openExtensionPage('manifest.json');
  const manifest = JSON.parse((await page.locator('body').textContent()) ?? '') as InstalledManifest;
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  const matches = manifest.content_scripts.flatMap((script) => script.matches);
  expect(matches.sort()).toEqual(matchPatterns().sort());
});
