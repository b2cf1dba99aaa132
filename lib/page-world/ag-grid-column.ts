// Runs in the page's own JavaScript world, the only place where an AG Grid's API can be reached.
// It does one job: while our content script asks for it (an attribute on the grid's root), it
// keeps an "ERP Synced" column in that grid, pinned right, whose cells are empty slots for the
// content script to fill. It knows nothing of records, the service or the token, defines no
// globals, and only reads what AG Grid itself attaches to its elements.
import { AG_GRID_COLUMN } from '../adapters/ag-grid';
import { HEADER_MARKER, HEADER_TEXT } from '../content/markers';
import { nextFrame } from '../content/scheduling';

const { requestAttribute, slotAttribute, colId } = AG_GRID_COLUMN;

/** The part of AG Grid's API we use; it has been stable from version 31 on. */
export interface GridApi {
  isDestroyed(): boolean;
  isModuleRegistered(name: string): boolean;
  getColumn(key: string): unknown;
  getColumnDefs(): object[] | undefined;
  setGridOption(key: 'columnDefs', value: object[]): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const isGridApi = (value: unknown): value is GridApi =>
  typeof value === 'object' &&
  value !== null &&
  ['isDestroyed', 'isModuleRegistered', 'getColumn', 'getColumnDefs', 'setGridOption', 'addEventListener'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'function',
  );

/**
 * The API of the grid an element belongs to. AG Grid keeps its controller of each row and header
 * cell in a property named "__AG_<random>" on the element; the controller holds the grid's beans.
 */
export function gridApiOf(gridRoot: Element): GridApi | null {
  const elements = [gridRoot.querySelector('.ag-header-cell'), gridRoot.querySelector('.ag-row')];
  for (const element of elements) {
    if (!element) continue;
    for (const key of Object.keys(element)) {
      if (!key.startsWith('__AG_')) continue;
      const data = (element as unknown as Record<string, unknown>)[key] as Record<string, { beans?: { gridApi?: unknown } } | undefined>;
      for (const controller of [data?.renderedRow, data?.headerCtrl]) {
        const api = controller?.beans?.gridApi;
        if (isGridApi(api)) return api;
      }
    }
  }
  return null;
}

/** Draws the slot our content script fills; AG Grid keeps it while the row shows any record. */
class SlotRenderer {
  private readonly gui = document.createElement('div');

  init() {
    this.gui.setAttribute(slotAttribute, '');
    this.gui.style.cssText = 'display:flex;align-items:center;justify-content:center;height:100%;';
  }

  getGui() {
    return this.gui;
  }

  refresh() {
    return true; // the content script reads the row's record from the row itself
  }
}

/** Our header: the grid's own text style, centred over the icons, marked for the content script. */
class HeaderRenderer {
  private readonly gui = document.createElement('div');

  init() {
    this.gui.style.cssText = 'display:flex;align-items:center;justify-content:center;width:100%;height:100%;';
    const text = document.createElement('span');
    text.className = 'ag-header-cell-text';
    text.textContent = HEADER_TEXT;
    text.setAttribute(HEADER_MARKER, '');
    this.gui.append(text);
  }

  getGui() {
    return this.gui;
  }

  refresh() {
    return true;
  }
}

export const ERP_COLUMN_DEF = {
  colId,
  headerName: HEADER_TEXT,
  headerComponent: HeaderRenderer,
  headerTooltip: 'Whether this record is synced with the accounting system (ERP Sync Inspector)',
  cellRenderer: SlotRenderer,
  pinned: 'right',
  lockPinned: true,
  lockPosition: 'right',
  suppressMovable: true,
  width: 128,
  minWidth: 128,
  resizable: false,
  sortable: false,
  filter: false,
  editable: false,
  suppressHeaderMenuButton: true,
  suppressHeaderContextMenu: true,
  suppressSizeToFit: true,
  // Not the user's to hide or to pick in a columns panel: it is there while the extension is.
  lockVisible: true,
  suppressColumnsToolPanel: true,
  valueGetter: () => '',
  cellStyle: { padding: '0' },
};

const withoutOurs = (defs: object[]) => defs.filter((def) => (def as { colId?: string }).colId !== colId);

/** A host resetting its columns this often is fighting us: we step aside rather than loop. */
const MOST_READDS_PER_SECOND = 3;

/**
 * Keeps our column in one grid while it is asked for; returns how to let it go. A grid built
 * without AG Grid's column and event APIs answers their calls with nothing: it is left alone, as
 * adding to "no columns" would replace the host's own.
 */
export function keepColumn(api: GridApi, onError: (error: unknown) => void): () => void {
  if (!api.isModuleRegistered('ColumnApi') || !api.isModuleRegistered('EventApi')) {
    throw new Error('This grid has no column or event API: the ERP Synced column is not added.');
  }
  const recentAdds: number[] = [];
  const ensure = () => {
    try {
      if (api.isDestroyed() || api.getColumn(colId)) return;
      const defs = api.getColumnDefs();
      if (!defs) throw new Error('The grid did not give its column definitions.');
      const now = performance.now();
      while (recentAdds.length > 0 && now - (recentAdds[0] as number) > 1_000) recentAdds.shift();
      if (recentAdds.length >= MOST_READDS_PER_SECOND) throw new Error('The page keeps replacing its columns: the ERP Synced column steps aside.');
      recentAdds.push(now);
      api.setGridOption('columnDefs', [...withoutOurs(defs), ERP_COLUMN_DEF]);
    } catch (error) {
      api.removeEventListener('newColumnsLoaded', ensure);
      onError(error);
    }
  };
  // The host may load new column definitions (a saved view, a reset): ours comes back at once.
  api.addEventListener('newColumnsLoaded', ensure);
  ensure();
  return () => {
    if (api.isDestroyed()) return; // a destroyed grid warns on any call
    api.removeEventListener('newColumnsLoaded', ensure);
    if (api.getColumn(colId)) api.setGridOption('columnDefs', withoutOurs(api.getColumnDefs() ?? []));
  };
}

/**
 * Watches the document for grids that ask for our column (and stop asking). A grid may ask before
 * it has drawn a row or header cell that leads to its API; it is then looked at again as it grows.
 */
export function serveColumnRequests(doc: Document, log: (error: unknown, context: Record<string, unknown>) => void): () => void {
  const kept = new Map<Element, () => void>();
  /** Grids whose API threw: asked again, they would only fail and log again on every change. */
  const givenUp = new WeakSet<Element>();
  const requesting = () => doc.querySelectorAll(`.ag-root-wrapper[${requestAttribute}]`);
  let scheduled = false;

  const giveUp = (gridRoot: Element, error: unknown) => {
    givenUp.add(gridRoot);
    log(error, { grid: gridRoot.getAttribute('aria-label') ?? gridRoot.className, url: doc.location?.href });
  };
  const guard = (work: () => void, gridRoot: Element) => {
    try {
      work();
    } catch (error) {
      giveUp(gridRoot, error);
    }
  };

  const settle = () => {
    scheduled = false;
    for (const [gridRoot, letGo] of kept) {
      if (gridRoot.isConnected && gridRoot.hasAttribute(requestAttribute)) continue;
      kept.delete(gridRoot);
      guard(letGo, gridRoot);
    }
    for (const gridRoot of requesting()) {
      if (kept.has(gridRoot) || givenUp.has(gridRoot)) continue;
      guard(() => {
        const api = gridApiOf(gridRoot);
        if (api) kept.set(gridRoot, keepColumn(api, (error) => giveUp(gridRoot, error)));
      }, gridRoot);
    }
  };

  // Cheap enough for every mutation batch: a request came or went, a grid we serve went away, or
  // a grid that asked is still waiting for a row or header cell that leads to its API.
  const needsLook = (records: MutationRecord[]) =>
    records.some((record) => record.type === 'attributes') ||
    [...kept.keys()].some((gridRoot) => !gridRoot.isConnected) ||
    [...requesting()].some((gridRoot) => !kept.has(gridRoot) && !givenUp.has(gridRoot));
  const observer = new MutationObserver((records) => {
    if (scheduled || !needsLook(records)) return;
    scheduled = true;
    // In a task of its own after the page's next frame: AG Grid's work to add a column (50 ms and
    // more, most of it laying the page out again) neither lengthens the task of the change that
    // asked nor holds back the grid's first drawing of its rows.
    nextFrame(() => setTimeout(settle, 0));
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: [requestAttribute] });
  settle();

  return () => {
    observer.disconnect();
    for (const [gridRoot, letGo] of kept) guard(letGo, gridRoot);
    kept.clear();
  };
}
