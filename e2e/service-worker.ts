// The extension's service worker as the browser treats it: stopped at any moment (Chrome stops an
// idle worker, or one it needs the memory of), and started again by the next event. Tests stop it
// where a user's browser might (what it wrote down is read with the harness's `stored`).
import { type BrowserContext, expect } from '@playwright/test';
import type { ExtensionHarness } from './browser';

/**
 * Stops the extension's worker (DevTools does it from a session on one of the extension's own
 * pages) and resolves once it is stopped; `restarted` resolves once a new one runs (the open pages'
 * update ports start it again).
 */
export async function stopServiceWorker(context: BrowserContext, extension: ExtensionHarness): Promise<{ restarted(): Promise<void> }> {
  const devtools = await context.newCDPSession(await extension.openExtensionPage('manifest.json'));
  const workerStates: string[] = [];
  devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => workerStates.push(...versions.map((v) => v.runningStatus)));
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => workerStates.includes('stopped')).toBe(true);
  return {
    async restarted() {
      await expect.poll(() => workerStates.slice(workerStates.lastIndexOf('stopped')).includes('running'), { timeout: 10_000 }).toBe(true);
    },
  };
}
