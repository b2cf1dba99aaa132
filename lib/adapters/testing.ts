// For the adapters' tests: a list page from an address, and rows from markup.
import type { ListPage, SiteAdapter } from './types';

export function listPageOf(adapter: SiteAdapter, url: string): ListPage {
  const found = adapter.listPage(new URL(url));
  if (!found) throw new Error(`not a list page: ${url}`);
  return found;
}

/** The body rows of a table written as HTML (a bare <tr> outside a table would be dropped). */
export function tableRows(tableHtml: string): Element[] {
  const holder = document.createElement('div');
  holder.innerHTML = tableHtml.trim();
  return [...holder.querySelectorAll('tbody tr')];
}

/**
 * An e2e fixture page (e2e/fixtures/<fixture>) opened at the real address it stands in for, its
 * scripts run (external ones are skipped: stub what they define with `before`), and its timers
 * waited for. Close it when done.
 */
export async function openFixture(fixture: string, url: string, before?: (window: Window) => void) {
  const [{ Window: HappyWindow }, { readFile }] = await Promise.all([import('happy-dom'), import('node:fs/promises')]);
  const html = await readFile(new URL(`../../e2e/fixtures/${fixture}`, import.meta.url), 'utf8');
  const happy = new HappyWindow({
    url,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const window = happy as unknown as Window;
  before?.(window);
  happy.document.write(html);
  await happy.happyDOM.waitUntilComplete();
  return {
    window,
    document: window.document,
    /** Runs the page's pending timers and microtasks (after a click that re-renders, say). */
    settle: () => happy.happyDOM.waitUntilComplete(),
    close: () => happy.happyDOM.close(),
  };
}
