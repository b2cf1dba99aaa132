// Adds the "ERP Synced" column to a list: a header cell that borrows the table's own look, and in
// each record row a cell whose content lives in its own shadow root, rendered by a root of its
// own once it comes near the screen. Whenever the host re-renders (sorting, paging, virtual scrolling), rows
// are read again: a cell follows its record, never a DOM node, and is never added twice.
// The work is done in slices that leave the host its frames, and a cell is drawn only once it
// comes near the screen, so a 5,000-row list does not freeze the page.
import { Component, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SyncCell } from '@/components/SyncCell';
import css from '@/components/sync-cell.css?inline';
import { AG_GRID_COLUMN, rowsRequest } from '../adapters/ag-grid';
import type { ListLayout, ListPage, SiteAdapter } from '../adapters/types';
import { asRecordRef, MAX_REFS_PER_LOOKUP, type RecordRef, recordKey } from '../contract/records';
import { logError } from '../log';
import { CELL_MARKER, HEADER_MARKER, HEADER_TEXT, HINT_MARKER } from './markers';
import { nextFrame, nextSlice, whenSettledOrAfter } from './scheduling';
import { callBackground } from '../messaging/client';
import { askRowsAhead, gridRowIndex } from './grid-rows-ahead';
import type { RecordActions } from './record-actions';
import type { StatusStore } from './status-store';


/** A record read from the page, with its key. */
interface ReadRecord {
  ref: RecordRef;
  key: string;
}

interface Cell {
  shadow: ShadowRoot;
  ref: RecordRef;
  key: string;
  /** Its own root, made once it has come near the screen. */
  root: Root | null;
}

/** The rows below a grid's drawn ones asked for with them at first: a tall screen's worth and the grid's buffer. */
const GRID_ROWS_BELOW = 100;
/** How long one slice of row work may take before the host gets the main thread back. */
const SLICE_MS = 8;
/**
 * The longest slice that gives the rows on the screen their cells: all in one go, so the host lays
 * its list out again once for them (a 500-row table took 10 to 20 ms a frame), not once a slice,
 * and the screen shows every state in the same frame. A page runs our code unoptimised: a row's
 * record, cell and drawing take about 0.8 ms, so a screen of 30 to 40 rows fits, and the slice
 * stays under the 50 ms of a long task.
 */
const ON_SCREEN_SLICE_MS = 40;
/**
 * How long a table's reading waits for the answer about the rows near the screen before giving
 * them loading cells: an answer from the background's cache comes sooner, and each cell is then
 * drawn once, in its state, without our work holding the answer back.
 */
const ANSWER_WAIT_MS = 50;
/** Rows this far below or above the screen are asked for before they are scrolled to. */
const AHEAD_PX = 400;
/** The most table rows taken as near the screen when a reading begins (a few screens of short rows). */
const NEAR_ROWS_AT_MOST = 150;
/** Our controls must never trigger the host's own handlers (a Xero row opens its invoice on click). */
const CONTAINED_EVENTS = ['click', 'mousedown', 'mouseup', 'dblclick', 'keydown'];

/**
 * `followAddress` is called before each reading of the rows: a host that changed its address
 * with pushState may have replaced the list, and then this column is unmounted by it.
 */
export interface MountedColumn {
  unmount(): void;
  /** The records of the rows the column has read, each once (what the popup reports and re-syncs). */
  records(): RecordRef[];
}

export function mountSyncColumn(
  doc: Document,
  page: ListPage,
  adapter: SiteAdapter,
  { store, actions, signedIn }: { store: StatusStore; actions: RecordActions; signedIn: boolean },
  followAddress: () => void,
): MountedColumn {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const cells = new Map<Element, Cell>();
  // An error in one cell's rendering is logged, not left to take the whole column down silently.
  const onRenderError = (error: unknown) => logError('sync-column', error, { page: page.kind, url: doc.location?.href });
  // The exact nodes we inserted and removed, so our own mutations are told from the host's.
  const weAdded = new WeakSet<Node>();
  const weRemoved = new WeakSet<Node>();
  /** Keys whose reference passed the contract's checks: only those are ever shown or sent. */
  const validKeys = new Set<string>();
  let disposed = false;
  let scanRequested = false;
  /** Cancels the reading's next slice, when one is waiting. */
  let continuation: (() => void) | null = null;
  /**
   * The reading under way: the rows in the order they are read (those on the screen first, then
   * those near it), how far it got, how many of the first are on and near the screen, and the
   * records of those (read once, to ask for them before their cells are made).
   */
  let pending: {
    layout: ListLayout;
    order: number[];
    next: number;
    /** How many of the first rows are on the screen (read in one slice), and on or near it. */
    onScreen: number;
    near: number;
    records: Map<Element, ReadRecord | null>;
  } | null = null;
  /** Keeps the store's question open while a grid's rows are read over several slices: one request for all. */
  let releaseQuestions: (() => void) | null = null;
  /** Grids we asked to draw our column; they are told to drop it when we leave. */
  const columnHosts = new Set<Element>();
  /** The table as last read, its rows in document order; null for a grid (its rows are not all in the document). */
  let tableLayout: ListLayout | null = null;
  /** The grid as last read (its root, which the page-world helper answers on); null for a table. */
  let gridRoot: Element | null = null;
  /**
   * The grid's rows whose record was asked for since a reading last ended, to read ahead of: a
   * reading cut short by the host's next change (a grid draws its rows over a few frames) keeps them.
   */
  let gridRowsAsked: Element[] = [];
  /** The grid's drawn rows in the reading under way, by row id, and the record id each shows. */
  let gridRowRecords = new Map<string, string>();
  /** Where each of those rows is in it, for reading ahead in the way the user scrolls. */
  let rowIndex = new WeakMap<Element, number>();
  /** The table rows the visibility observer follows, let go once the host drops them. */
  const watchedRows = new Set<Element>();
  /**
   * Once the user scrolls, rows are asked for a batch ahead: a scroll to the end costs one look-up
   * per 500 rows. A table's rows are all in the document; a grid's, ahead of those it has drawn,
   * are read from the grid by the page-world helper.
   */
  let scrolled = false;
  /** The row that last set off a reading ahead, to tell scrolling down from scrolling up. */
  let lastAskedFrom = -1;
  let readingAhead = false;

  const guarded = (work: () => void) => {
    if (disposed) return;
    try {
      work();
    } catch (error) {
      logError('sync-column', error, { page: page.kind, url: doc.location?.href });
    }
  };

  /**
   * Draws one cell in a root of its own: a row coming into view, or reused by the host for another
   * record, costs that cell alone, however many thousand rows the list has.
   */
  const draw = (cell: Cell) => {
    cell.root ??= createRoot(cell.shadow);
    cell.root.render(
      <Contained onError={onRenderError}>
        <SyncCell recordKey={cell.key} record={cell.ref} store={store} actions={actions} />
      </Contained>,
    );
  };

  /** The table row's cell of ours, if it has one. */
  const cellOfRow = (row: Element | undefined) => {
    const element = row?.querySelector(`:scope > [${CELL_MARKER}]`);
    return element ? cells.get(element) : undefined;
  };

  /**
   * Asks, with the rows that just came near the screen, for the rows after them in the way the user
   * scrolls, until the question holds one look-up's worth: they are known by the time they are
   * scrolled to. Read in slices between the host's frames; the store holds the question until the
   * last, so all go in one look-up.
   */
  function readAhead(askedRows: Element[], most = MAX_REFS_PER_LOOKUP) {
    // One at a time: rows asked meanwhile join the question it holds.
    if (readingAhead) return;
    const indexes = askedRows.map((row) => (tableLayout ? (rowIndex.get(row) ?? -1) : gridRowIndex(row))).filter((index) => index >= 0);
    if (indexes.length === 0) return;
    readingAhead = true;
    const down = Math.max(...indexes) >= lastAskedFrom;
    const from = down ? Math.max(...indexes) : Math.min(...indexes);
    lastAskedFrom = from;
    const step = down ? 1 : -1;
    let more = Math.min(most, MAX_REFS_PER_LOOKUP - store.waiting());
    const ahead = tableLayout ? tableRecordsAhead(tableLayout.rows, from, step) : gridRecordsAhead(from, step, more);
    const release = store.hold({ untilReleased: true });
    const readSome = () => {
      try {
        const started = performance.now();
        // Rows that come near meanwhile join the held question too: it stops at one look-up's worth.
        while (!disposed && more > 0 && store.waiting() < MAX_REFS_PER_LOOKUP) {
          if (performance.now() - started > SLICE_MS) {
            nextSlice(readSome);
            return;
          }
          const next = ahead.next();
          if (next.done) break;
          if (next.value && store.want(next.value.ref)) more--;
        }
      } catch (error) {
        logError('sync-column', error, { page: page.kind, step: 'read ahead' });
      }
      readingAhead = false;
      release();
    };
    readSome();
  }

  /** The records of a table's rows from `from` (not included) on, one row at a time. */
  function* tableRecordsAhead(rows: Element[], from: number, step: 1 | -1) {
    for (let at = from + step; at >= 0 && at < rows.length; at += step) yield recordOf(rows[at] as Element);
  }

  /**
   * The records of a grid's undrawn rows from `from` (not included) on. The page-world helper reads
   * their ids from the grid: whatever holds the record id in the rows drawn now, as the adapter
   * read it (their row id, or the field of their data their links show). The page can forge those
   * ids: each becomes a record of this list only, and only once it passes the contract's checks.
   */
  function* gridRecordsAhead(from: number, step: 1 | -1, count: number) {
    const request = rowsRequest(from, step, count, gridRowRecords);
    if (!gridRoot || !adapter.recordOfRowId || !request) return;
    for (const id of askRowsAhead(gridRoot, request)) {
      const ref = adapter.recordOfRowId(id, page);
      yield ref ? checked(ref) : null;
    }
  }

  /** Table rows that came near the screen, to be given their cells in the next slices. */
  const comingNear = new Set<Element>();
  /** Cancels the next slice of cells for rows that came near, when one is waiting. */
  let showing: (() => void) | null = null;

  /** Gives the rows that came near the screen their cells, drawn, in slices between the host's frames. */
  function showComingRows() {
    showing = null;
    const started = performance.now();
    const asked: Element[] = [];
    for (const row of comingNear) {
      if (performance.now() - started > SLICE_MS) {
        showing = nextSlice(() => guarded(showComingRows));
        break;
      }
      comingNear.delete(row);
      if (!tableLayout || !row.isConnected) continue;
      const cell = readRow(row, tableLayout, false);
      if (!cell) continue;
      if (store.want(cell.ref)) asked.push(row);
      if (!cell.root) draw(cell);
    }
    if (scrolled && asked.length > 0) readAhead(asked);
  }

  /**
   * A table's row gets its cell once it comes near the screen, and gives up its drawing when far
   * away: work and memory follow the screen, not the length of the list. Rows far from the screen
   * have no cell of ours at all.
   */
  const visibility = new IntersectionObserver(
    (entries) =>
      guarded(() => {
        for (const { target: row, isIntersecting } of entries) {
          if (!watchedRows.has(row)) continue;
          if (isIntersecting) {
            comingNear.add(row);
            continue;
          }
          comingNear.delete(row);
          const cell = cellOfRow(row);
          // Scrolled far away: its drawing goes (memory stays flat on long lists), its status stays known.
          cell?.root?.unmount();
          if (cell) cell.root = null;
        }
        if (comingNear.size > 0 && !showing) showComingRows();
      }),
    { rootMargin: `${AHEAD_PX}px 0px` },
  );

  const noteScroll = () => {
    scrolled = true;
  };
  doc.addEventListener('scroll', noteScroll, { capture: true, passive: true, once: true });

  /** What we added to the page: taken out again when the column leaves, and nothing else. */
  const added = new Set<Element>();
  function insert(parent: Element, child: Element) {
    weAdded.add(child);
    added.add(child);
    parent.append(child);
  }

  function remove(element: Element) {
    weRemoved.add(element);
    added.delete(element);
    element.remove();
  }

  function contain(element: Element) {
    for (const type of CONTAINED_EVENTS) element.addEventListener(type, (e) => e.stopPropagation());
  }

  /**
   * Asks for a cell's record and draws it when it is near the screen. A grid draws only the rows in
   * and just around its viewport, which its own scrolling clips, so a drawn grid row counts as near;
   * a table row found near when the reading began is asked for at once, not a frame later.
   */
  function showIfNear(cell: Cell, near: boolean) {
    if (!near) return;
    store.want(cell.ref);
    draw(cell);
  }

  /**
   * The host's row lines, read once from a cell of theirs. Its class is not copied: a host script
   * that selects cells by class (Xero totals its amount cells) would take ours for one of its own.
   */
  let rowLines: { borderTop: string; borderBottom: string } | null = null;
  function lookLikeRowCells(row: Element, cell: HTMLElement) {
    const theirs = [...row.children].findLast((child) => !child.hasAttribute(CELL_MARKER));
    if (!rowLines && theirs) {
      const style = getComputedStyle(theirs);
      rowLines = {
        borderTop: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        borderBottom: `${style.borderBottomWidth} ${style.borderBottomStyle} ${style.borderBottomColor}`,
      };
    }
    // Centred in the row and never making it taller.
    Object.assign(cell.style, rowLines, { verticalAlign: 'middle', paddingTop: '0', paddingBottom: '0' });
  }

  /** A table row gets a cell of its own; a grid's slot gets our content. */
  function addCell(parent: Element, ref: RecordRef, key: string, drawnByGrid: boolean): Cell {
    const cell = doc.createElement(drawnByGrid ? 'div' : 'td');
    cell.setAttribute(CELL_MARKER, '');
    cell.style.textAlign = 'center';
    if (!drawnByGrid) lookLikeRowCells(parent, cell as HTMLElement);
    contain(cell);
    const holder = doc.createElement('span');
    const shadow = holder.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    cell.append(holder);
    insert(parent, cell);
    const state: Cell = { shadow, ref, key, root: null };
    cells.set(cell, state);
    return state;
  }

  function askForColumn(host: Element) {
    if (columnHosts.has(host) && host.hasAttribute(AG_GRID_COLUMN.requestAttribute)) return;
    host.setAttribute(AG_GRID_COLUMN.requestAttribute, HEADER_TEXT);
    columnHosts.add(host);
  }

  function addHeader(headerRow: Element) {
    if (headerRow.querySelector(`:scope > [${HEADER_MARKER}]`)) return;
    const last = headerRow.lastElementChild;
    const header = doc.createElement(last?.tagName.toLowerCase() === 'td' ? 'td' : 'th');
    // Borrow the table's header look (its class), centred over our icons whatever it aligns; a
    // click on it must not reach the host's header handlers (sorting).
    if (last) header.className = last.className;
    header.style.textAlign = 'center';
    header.style.whiteSpace = 'nowrap';
    header.setAttribute(HEADER_MARKER, '');
    header.textContent = HEADER_TEXT;
    contain(header);
    if (!signedIn) header.append(signInHint());
    insert(headerRow, header);
  }

  /** The one thing a signed-out page shows: a small "Sign in" beside the column's name. */
  function signInHint(): Element {
    const holder = doc.createElement('span');
    holder.setAttribute(HINT_MARKER, '');
    const shadow = holder.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'hint';
    button.textContent = 'Sign in';
    button.title = 'Sign in to your sync-status service to see whether each record is synced';
    button.setAttribute('aria-label', `${HEADER_TEXT}: sign in to see whether each record is synced`);
    button.addEventListener('click', (event) => {
      // A person's click only: the page's scripts can reach this button in its open shadow root.
      if (!event.isTrusted) return;
      callBackground('openOptions', {}).catch((error: unknown) => logError('sync-column', error, { step: 'open options' }));
    });
    shadow.append(button);
    contain(holder);
    return holder;
  }

  /** Header texts of grids we hid behind the hint, shown again when the column leaves. */
  const hiddenTexts = new Set<HTMLElement>();

  /** A grid draws its own, narrow header for our column: the hint takes the place of its text. */
  function addGridHint(grid: Element) {
    const text = grid.querySelector<HTMLElement>(`[${HEADER_MARKER}]`);
    if (!text?.parentElement || text.parentElement.querySelector(`[${HINT_MARKER}]`)) return;
    text.style.display = 'none';
    hiddenTexts.add(text);
    insert(text.parentElement, signInHint());
  }

  /** The row's record, when its reference passes the contract's checks; anything else gets no cell. */
  function recordOf(row: Element): ReadRecord | null {
    const ref = adapter.recordOfRow(row, page);
    return ref ? checked(ref) : null;
  }

  /** A record read from the page, when its reference passes the contract's checks; null otherwise. */
  function checked(ref: RecordRef): ReadRecord | null {
    const key = recordKey(ref);
    if (!validKeys.has(key)) {
      if (!asRecordRef(ref)) return null;
      validKeys.add(key);
    }
    return { ref, key };
  }

  /** Signed out, a table row gets an empty cell (its lines continue under our header), a grid's slot nothing. */
  function blankRow(row: Element) {
    if (row.querySelector(`:scope > [${CELL_MARKER}]`)) return;
    const cell = doc.createElement('td');
    cell.setAttribute(CELL_MARKER, 'blank');
    lookLikeRowCells(row, cell);
    insert(row, cell);
  }

  /**
   * Gives the row the cell of its record (or takes away ours where it has none), drawn at once when
   * `near` (or drawn by a grid); the row's cell, if it has one.
   */
  function readRow(row: Element, layout: ListLayout, near: boolean, known?: ReadRecord | null): Cell | null {
    const drawnByGrid = layout.slotOf !== undefined;
    const record = known === undefined ? recordOf(row) : known;
    if (!signedIn) {
      if (!drawnByGrid && record) blankRow(row);
      return null;
    }
    const parent = layout.slotOf ? layout.slotOf(row) : row;
    if (!parent) return null;
    const existing = parent.querySelector(`:scope > [${CELL_MARKER}]`);
    if (!record) {
      if (existing) remove(existing);
      return null;
    }
    let cell = existing ? cells.get(existing) : undefined;
    if (!cell) {
      if (existing) remove(existing); // a copy of our cell made by the host, with no shadow content
      cell = addCell(parent, record.ref, record.key, drawnByGrid);
      showIfNear(cell, near || drawnByGrid);
      return cell;
    }
    if (cell.key === record.key) return cell;
    // The host reused the row for another record: show that one, and ask for it when seen.
    Object.assign(cell, record);
    if (cell.root) draw(cell);
    showIfNear(cell, near || drawnByGrid);
    return cell;
  }

  /**
   * A grid's row: its record asked for, and its cell in our slot once the grid has drawn the slot
   * (it draws our column a moment after it is asked). A row whose record this asked is noted for
   * reading ahead of it.
   */
  function readGridRow(row: Element, layout: ListLayout) {
    if (!signedIn) return;
    const record = recordOf(row);
    if (record && store.want(record.ref)) gridRowsAsked.push(row);
    // A slot gets the record's cell, or loses ours when the row shows no record.
    if (layout.slotOf?.(row)) readRow(row, layout, true, record);
    if (!record) return;
    const rowId = row.getAttribute('row-id');
    if (rowId) gridRowRecords.set(rowId, record.ref.recordId);
  }

  /** Starts reading the rows afresh: the host changed something. */
  function scan() {
    scanRequested = false;
    followAddress();
    if (disposed) return;
    // The reading starts over: what the last one had scheduled goes.
    continuation?.();
    continuation = null;
    for (const [element, cell] of cells) {
      if (!element.isConnected) {
        cell.root?.unmount();
        cells.delete(element);
      }
    }
    for (const row of watchedRows) {
      if (row.isConnected) continue;
      visibility.unobserve(row);
      watchedRows.delete(row);
    }
    // The host dropped these (a re-render, a grid rebuilt): nothing of them is ours to keep.
    for (const element of added) if (!element.isConnected) added.delete(element);
    for (const host of columnHosts) if (!host.isConnected) columnHosts.delete(host);
    const layout = adapter.layout(doc, page);
    if (layout) {
      if (layout.headerRow) addHeader(layout.headerRow);
      if (layout.columnHost) askForColumn(layout.columnHost);
      if (layout.columnHost && !signedIn) addGridHint(layout.columnHost);
      tableLayout = layout.slotOf ? null : layout;
      gridRoot = layout.slotOf ? (layout.columnHost ?? null) : null;
      gridRowRecords = new Map();
      rowIndex = new WeakMap();
      // A grid draws only the rows in and just around its viewport.
      const near = layout.slotOf ? { first: 0, count: layout.rows.length, firstOnScreen: 0, onScreenCount: layout.rows.length } : rowsNearTheScreen(layout.rows);
      // Read first: the rows on the screen, then those near it, then the rest.
      const order = layout.rows.map((_, i) => i);
      order.unshift(...order.splice(near.first, near.count));
      order.unshift(...order.splice(near.firstOnScreen - near.first, near.onScreenCount));
      pending = { layout, order, next: 0, onScreen: near.onScreenCount, near: near.count, records: new Map() };
      if (layout.slotOf) releaseQuestions ??= store.hold();
      else if (signedIn) {
        const answered = askForRows(order.slice(0, near.count).map((index) => layout.rows[index] as Element), pending.records);
        if (answered) return continueOnceAnswered(answered);
      }
    }
    continueScan();
  }

  /**
   * Asks at once for the records of these rows: the question goes before their cells are made.
   * Settles once answered; null when each already has a state to show.
   */
  function askForRows(rows: Element[], records: Map<Element, ReadRecord | null>): Promise<void> | null {
    for (const row of rows) {
      const record = recordOf(row);
      records.set(row, record);
      if (record) store.want(record.ref);
    }
    const answered = store.askNow();
    const waiting = [...records.values()].some((record) => record && store.get(record.key).kind === 'loading');
    return waiting ? answered : null;
  }

  /** Reads on once the answer has come, or after ANSWER_WAIT_MS; a reading begun meanwhile cancels it. */
  function continueOnceAnswered(answered: Promise<void>) {
    continuation = whenSettledOrAfter(answered, ANSWER_WAIT_MS, () => {
      continuation = null;
      guarded(continueScan);
    });
  }

  /**
   * A table's rows on and near the screen, and those of them on it, found by their position before
   * we change anything (one layout, which the host's frame needs anyway). At most a few screens: a
   * hidden table, all of whose rows are at 0, is left to the visibility observer.
   */
  function rowsNearTheScreen(rows: Element[]): { first: number; count: number; firstOnScreen: number; onScreenCount: number } {
    const height = doc.defaultView?.innerHeight ?? 0;
    const firstBelow = (y: number, from: number) => {
      let low = from;
      let high = rows.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((rows[middle] as Element).getBoundingClientRect().bottom > y) high = middle;
        else low = middle + 1;
      }
      return low;
    };
    const first = firstBelow(-AHEAD_PX, 0);
    const firstOnScreen = firstBelow(0, first);
    let end = first;
    let onScreenEnd = firstOnScreen;
    while (end < rows.length && end - first < NEAR_ROWS_AT_MOST) {
      const top = (rows[end] as Element).getBoundingClientRect().top;
      if (top >= height + AHEAD_PX) break;
      if (top < height) onScreenEnd = end + 1;
      end++;
    }
    return { first, count: end - first, firstOnScreen: Math.min(firstOnScreen, end), onScreenCount: Math.max(0, onScreenEnd - firstOnScreen) };
  }

  /**
   * Reads rows until the slice's time is up, then lets the host have the next frame. A table's rows
   * on and near the screen (already asked for) are read first, those on it in one slice. The
   * others are only watched, and read when they come near; a row that has a cell of ours is read
   * again, in case the host gave it another record.
   */
  function continueScan() {
    if (!pending) return;
    const started = performance.now();
    const { order, layout } = pending;
    while (pending.next < order.length) {
      const spent = performance.now() - started;
      if (spent > ON_SCREEN_SLICE_MS || (spent > SLICE_MS && pending.next >= pending.onScreen)) {
        continuation ??= nextSlice(() => {
          continuation = null;
          guarded(continueScan);
        });
        break;
      }
      const index = order[pending.next++] as number;
      const row = layout.rows[index] as Element;
      try {
        const near = pending.next <= pending.near;
        if (layout.slotOf) readGridRow(row, layout);
        else {
          if (near || row.querySelector(`:scope > [${CELL_MARKER}]`)) readRow(row, layout, near, pending.records.get(row));
          rowIndex.set(row, index);
          watchedRows.add(row);
          visibility.observe(row);
        }
      } catch (error) {
        logError('sync-column', error, { page: page.kind, row: row.id || row.getAttribute('row-id') });
      }
    }
    if (pending.next >= order.length) {
      pending = null;
      // The rows beyond those the grid drew join their question: once the user scrolls, a look-up's
      // worth in the way they scroll; before, the rows just below the screen, which the grid may
      // draw a moment later (over several frames on a busy machine).
      const asked = gridRowsAsked.length;
      if (asked > 0) readAhead(gridRowsAsked, scrolled ? MAX_REFS_PER_LOOKUP : GRID_ROWS_BELOW);
      gridRowsAsked = [];
      releaseQuestions?.();
      releaseQuestions = null;
      // With the rows beyond the drawn ones in it, the question is complete: it goes now, before the
      // grid's own work (drawing our column, which this reading may have asked for) takes the main
      // thread. Without them (the grid's helper not answering yet), it waits for the rows the grid
      // draws next.
      if (layout.slotOf && store.waiting() > asked) void store.askNow();
    }
  }

  const isOurs = (record: MutationRecord) =>
    record.type === 'childList' &&
    [...record.addedNodes].every((node) => weAdded.has(node)) &&
    [...record.removedNodes].every((node) => weRemoved.has(node));

  const observer = new MutationObserver((records) => {
    if (disposed || scanRequested || records.every(isOurs)) return;
    scanRequested = true;
    nextFrame(() => guarded(scan));
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['row-id', 'row-index', 'data-id', 'id', 'href'] });
  guarded(scan);

  const unmount = () => {
    disposed = true;
    pending = null;
    releaseQuestions?.();
    doc.removeEventListener('scroll', noteScroll, { capture: true });
    continuation?.();
    showing?.();
    observer.disconnect();
    visibility.disconnect();
    for (const cell of cells.values()) cell.root?.unmount();
    cells.clear();
    for (const host of columnHosts) host.removeAttribute(AG_GRID_COLUMN.requestAttribute);
    // Only our own elements: a grid's header for our column is the grid's, and may stay a moment.
    for (const element of added) element.remove();
    added.clear();
    for (const text of hiddenTexts) text.style.display = '';
  };

  /** Every record of a table, read now (most rows have no cell yet); a grid's, from its drawn rows. */
  const records = (): RecordRef[] => {
    const refs = tableLayout ? tableLayout.rows.flatMap((row) => recordOf(row) ?? []) : [...cells.values()];
    return [...new Map(refs.map(({ key, ref }) => [key, ref])).values()];
  };

  return { unmount, records };
}

/** An error in one cell's rendering is logged and leaves that cell empty; the rest go on. */
class Contained extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
