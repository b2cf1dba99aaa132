// A real Chromium with the built extension loaded, and the sites' pages served at their real
// origins from e2e/fixtures. Shared by the end-to-end tests (harness.ts) and the demo (npm start).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const extensionDir = path.join(root, '.output', 'chrome-mv3');
const fixturesDir = path.join(root, 'e2e', 'fixtures');

/** A file from e2e/fixtures, generated HTML, or any file by its absolute path (a library the page loads). */
export type Fixture = string | { html: string } | { file: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Chromium with the extension loaded; headless unless asked (the demo with a display). A caller
 * that stops it itself on Ctrl-C says so: Playwright's own handler would end the whole process.
 * `profileDir`: a user profile kept across launches (by default a fresh one, thrown away on close).
 * `extension`: the built extension's folder (by default the build's own).
 */
export function launchWithExtension({
  executablePath,
  headless = true,
  ownSignals = false,
  profileDir = '',
  extension = extensionDir,
}: {
  executablePath: string | undefined;
  headless?: boolean;
  ownSignals?: boolean;
  profileDir?: string;
  extension?: string;
}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    handleSIGINT: !ownSignals,
    handleSIGTERM: !ownSignals,
    viewport: headless ? { width: 1280, height: 720 } : null,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ExtensionHarness {
  id: string;
  serviceWorker: Worker;
  /**
   * Serves a page at `url` (its origin answers only what was served) and opens it: a file from
   * e2e/fixtures, or generated HTML.
   */
  openFixture(url: string, fixture: Fixture): Promise<Page>;
  /** Serves a page at `url` without opening it, for pages reached by navigation. */
  serve(url: string, fixture: Fixture): Promise<void>;
  /** Opens one of the extension's own pages, e.g. "popup.html". */
  openExtensionPage(pagePath: string): Promise<Page>;
  /**
   * Opens the toolbar popup over a page, in a window of its own so that the page stays the active
   * tab of its window (as when the toolbar button is clicked).
   */
  openPopup(over: Page): Promise<Page>;
  /** Errors the page threw that came from our code (content scripts log with our prefix). */
  ourErrors(page: Page): string[];
  /** How many of the browser's real side panels show ours (Playwright does not list them as pages). */
  openSidePanels(): Promise<number>;
  /** Signs the extension in to a sync-status service, as the options page will. */
  signIn(serviceUrl: string, token: string): Promise<void>;
  /** Every row of one table of the extension's own database (pushes, requests, audit...), read in its newest service worker. */
  stored<T = Record<string, unknown>>(table: string): Promise<T[]>;
  /** Counts the messages of one method that reach the background from now on; gives how to read the count. */
  countCalls(method: string): Promise<() => Promise<number>>;
}

export async function extensionIn(context: BrowserContext): Promise<ExtensionHarness> {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(serviceWorker.url()).host;
    const served = new Map<string, { body: string; contentType: string }>();
    const routedOrigins = new Set<string>();
    const errors = new WeakMap<Page, string[]>();

    const watch = (page: Page) => {
      const list: string[] = [];
      errors.set(page, list);
      page.on('pageerror', (error) => list.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('[ERP Sync Inspector]')) list.push(message.text());
      });
      return page;
    };

    const serve = async (url: string, fixture: Fixture) => {
      const file = typeof fixture === 'string' ? path.join(fixturesDir, fixture) : 'file' in fixture ? fixture.file : null;
      const body = file ? await readFile(file, 'utf8') : (fixture as { html: string }).html;
      const contentType = contentTypes[path.extname(new URL(url).pathname)] ?? contentTypes['.html'];
      served.set(withoutHash(url), { body, contentType: contentType as string });
      const origin = new URL(url).origin;
      if (routedOrigins.has(origin)) return;
      routedOrigins.add(origin);
      // Only this origin is intercepted, so the extension's own traffic to the service is untouched.
      await context.route(`${origin}/**`, (route) => {
        const found = served.get(withoutHash(route.request().url()));
        return found === undefined
          ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not served by this test' })
          : route.fulfill({ status: 200, ...found });
      });
    };

  return {
    id,
    serviceWorker,
    serve,
    async openFixture(url, fixture) {
      await serve(url, fixture);
      const page = watch(await context.newPage());
      await page.goto(url);
      return page;
    },
    async openExtensionPage(pagePath) {
      const page = watch(await context.newPage());
      await page.goto(`chrome-extension://${id}/${pagePath}`);
      return page;
    },
    async openPopup(over) {
      const devtools = await context.newCDPSession(over);
      const opened = context.waitForEvent('page');
      await devtools.send('Target.createTarget', { url: `chrome-extension://${id}/popup.html`, newWindow: true });
      return watch(await opened);
    },
    ourErrors: (page) => errors.get(page) ?? [],
    openSidePanels: () =>
      serviceWorker.evaluate(async () => (await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length as number),
    async signIn(serviceUrl, token) {
      await serviceWorker.evaluate(
        // Runs in the service worker, where chrome is the extension API.
        (connection) => (globalThis as any).chrome.storage.local.set({ serviceConnection: connection }) as Promise<void>,
        { serviceUrl, token },
      );
    },
    async countCalls(method) {
      // A listener of its own beside the router's: it answers nothing, it only counts.
      await serviceWorker.evaluate((counted) => {
        const worker = globalThis as any;
        worker.erpCalls = { ...worker.erpCalls, [counted]: 0 };
        worker.chrome.runtime.onMessage.addListener((message: { method?: string }) => {
          if (message?.method === counted) worker.erpCalls[counted]++;
        });
      }, method);
      return () => serviceWorker.evaluate((counted) => (globalThis as any).erpCalls[counted] as number, method);
    },
    async stored<T>(table: string) {
      // A worker stopped meanwhile was replaced by a new one: the last is the one running.
      const worker = context.serviceWorkers().at(-1) ?? serviceWorker;
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
    },
  };
}

function withoutHash(url: string): string {
  return url.split('#')[0] ?? url;
}
