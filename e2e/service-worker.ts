// The extension's service worker as the browser treats it: stopped at any moment (Chrome stops an
// idle worker, or one it needs the memory of), and started again by the next event. Tests stop it
// where a user's browser might, and read what it wrote down in its database.
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

/** The rows of one table of the running worker's database (the pushes it follows, the requests it has not heard back about). */
export async function backgroundRows<T>(context: BrowserContext, table: 'pushes' | 'requests'): Promise<T[]> {
  const worker = context.serviceWorkers().at(-1);
  if (!worker) return [];
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('erp-sync-inspector');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    table,
  );
}
