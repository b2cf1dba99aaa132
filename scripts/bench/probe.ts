// The benchmark's eyes inside the page (the page's own world, installed before the page's scripts):
// when the list's rows are in the DOM and when they are first drawn, which rows are on screen and
// whether each shows its state,
// the long tasks the page has had, and one screenful of scrolling. The host's and our DOM are the
// same in every world, and our cells' shadow roots are open, so the page's world sees our badges.
import type { RowsProbe } from './pages';

export interface OnScreen {
  /** Rows at least partly on screen. */
  visible: number;
  /** Of those, the ones whose badge shows a state (anything but "loading"). */
  shown: number;
}

/** What the probe leaves on `window.__erpBench`. */
export interface Probe {
  /** performance.now() when the list's rows were in the DOM: all of a table's, a grid's first drawing. */
  rowsAt: number | null;
  /** When every visible row was first seen showing its state (set by allShown). */
  shownAt: number | null;
  /**
   * When watched: the frames that first drew the rows and first drew every visible row's state,
   * each timed once the frame is done (the first task after it), as the user would see it.
   */
  rowsDrawnAt: number | null;
  shownDrawnAt: number | null;
  longTasks: { start: number; duration: number }[];
  /** When our content script claimed the page, and when the background answered it (its marker on <html>). */
  inspector: { startingAt: number | null; readyAt: number | null };
  onScreen(): OnScreen;
  /** True once every visible row shows its state; notes the time of the first true. */
  allShown(): boolean;
  /** Scrolls the list by most of a screen; false once it was already at the end. */
  scrollStep(): boolean;
}

/** Runs in the page: self-contained (serialised into the init script). */
function installProbe(config: RowsProbe & { rows: number; watchShown: boolean }): Probe {
  const bodyRows = (): ArrayLike<Element> => document.querySelector<HTMLTableElement>(config.table ?? 'none')?.tBodies[0]?.rows ?? [];
  const gridRows = (): ArrayLike<Element> => (config.gridRows ? document.querySelectorAll(config.gridRows) : []);

  const showsState = (row: Element): boolean => {
    const rowId = row.getAttribute('row-id');
    // A grid draws one record as up to three row elements (pinned parts); our cell is in one of them.
    const cells =
      config.gridRows && rowId !== null
        ? (row.closest('.ag-root')?.querySelectorAll(`.ag-row[row-id="${CSS.escape(rowId)}"] [data-erp-sync-cell]`) ?? [])
        : row.querySelectorAll(':scope > [data-erp-sync-cell]');
    for (const cell of cells) {
      const state = cell.querySelector(':scope > span')?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state');
      if (state && state !== 'loading') return true;
    }
    return false;
  };

  const bench: Probe = {
    rowsAt: null,
    shownAt: null,
    rowsDrawnAt: null,
    shownDrawnAt: null,
    longTasks: [],
    inspector: { startingAt: null, readyAt: null },
    onScreen() {
      const scroller = config.scroller ? document.querySelector(config.scroller)?.getBoundingClientRect() : undefined;
      const top = Math.max(0, scroller?.top ?? 0);
      const bottom = Math.min(innerHeight, scroller?.bottom ?? innerHeight);
      const on = (rect: DOMRect) => rect.bottom > top + 1 && rect.top < bottom - 1;
      let visible = 0;
      let shown = 0;
      const count = (row: Element) => {
        visible++;
        if (showsState(row)) shown++;
      };
      if (config.gridRows) {
        // A grid positions its rows itself, in no DOM order; it has few.
        for (const row of Array.from(gridRows())) if (on(row.getBoundingClientRect())) count(row);
        return { visible, shown };
      }
      // A table's rows are in order: the first on screen is found by halving.
      const rows = bodyRows();
      let low = 0;
      let high = rows.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((rows[middle] as Element).getBoundingClientRect().bottom > top + 1) high = middle;
        else low = middle + 1;
      }
      for (let i = low; i < rows.length && on((rows[i] as Element).getBoundingClientRect()); i++) count(rows[i] as Element);
      return { visible, shown };
    },
    allShown() {
      const { visible, shown } = bench.onScreen();
      const done = visible > 0 && shown === visible;
      if (done) bench.shownAt ??= performance.now();
      return done;
    },
    scrollStep() {
      const scroller = config.scroller ? document.querySelector(config.scroller) : document.scrollingElement;
      if (!scroller) return false;
      const before = scroller.scrollTop;
      scroller.scrollTop += Math.round(scroller.clientHeight * 0.9);
      return scroller.scrollTop > before;
    },
  };

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // A table's rows are in once all are (a long server-rendered page arrives over many parser chunks);
  // a grid's once it has drawn its first screenful.
  const rowsIn = () => (config.gridRows ? gridRows().length > 0 : bodyRows().length >= config.rows);
  const watcher = new MutationObserver(() => {
    if (!rowsIn()) return;
    bench.rowsAt = performance.now();
    watcher.disconnect();
    if (config.watchShown) watchShown(bench.rowsAt);
  });
  /**
   * Called within a frame: the time once it is done (a task queued now runs after its layout and
   * paint). At the highest priority a page can give a task, so that the page's and our own tasks
   * queued meanwhile (the column's next slice) do not run first and delay the time. The benchmark
   * runs Chromium only, which has the task scheduler.
   */
  const afterThisFrame = (then: (at: number) => void) => {
    const { scheduler } = globalThis as unknown as { scheduler: { postTask(run: () => void, options: { priority: string }): Promise<unknown> } };
    void scheduler.postTask(() => then(performance.now()), { priority: 'user-blocking' });
  };
  // Looked at in every frame from the rows being in, in the page itself: a watch from outside
  // starts only once the page has loaded and the tool's script is in, after the fact on a fast page.
  const watchShown = (since: number) => {
    requestAnimationFrame(() => afterThisFrame((at) => (bench.rowsDrawnAt = at)));
    const look = (now: number) => {
      if (bench.allShown()) afterThisFrame((at) => (bench.shownDrawnAt = at));
      else if (now - since < 30_000) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };
  watcher.observe(document, { childList: true, subtree: true });
  new MutationObserver(() => {
    const marker = document.documentElement.getAttribute('data-erp-sync-inspector');
    if (marker === 'starting') bench.inspector.startingAt ??= performance.now();
    if (marker === 'ready') bench.inspector.readyAt ??= performance.now();
  }).observe(document, { subtree: true, attributeFilter: ['data-erp-sync-inspector'] });
  return bench;
}

/**
 * The init script for a page of `rows` rows; `watchShown`: the probe looks for every visible row
 * showing its state in every frame (not for the main-thread figures, which it would add to). The
 * function is sent as its source; the build tool that runs this file names functions through a
 * helper (__name) that the page lacks, hence the stub.
 */
export function probeScript(probe: RowsProbe, rows: number, watchShown: boolean): string {
  return `(() => { const __name = (f) => f; window.__erpBench = (${installProbe.toString()})(${JSON.stringify({ ...probe, rows, watchShown })}); })();`;
}

/** Expressions for page.evaluate and page.waitForFunction. */
export const inPage = {
  rowsIn: 'window.__erpBench.rowsAt !== null',
  allShown: 'window.__erpBench.allShown()',
  shownSeen: 'window.__erpBench.shownDrawnAt !== null',
  scrollStep: 'window.__erpBench.scrollStep()',
  times:
    '({ timeOrigin: performance.timeOrigin, rowsAt: window.__erpBench.rowsAt, rowsDrawnAt: window.__erpBench.rowsDrawnAt, shownDrawnAt: window.__erpBench.shownDrawnAt, ...window.__erpBench.inspector })',
  onScreen: 'window.__erpBench.onScreen()',
  longTaskMs: 'window.__erpBench.longTasks.reduce((sum, task) => sum + task.duration, 0)',
} as const;
