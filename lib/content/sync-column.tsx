// Adds the "ERP Synced" column to a list: a header cell that borrows the table's own look, and in
// each record row a cell whose content lives in its own shadow root, all rendered by one React
// root through portals. Whenever the host re-renders (sorting, paging, virtual scrolling), rows
// are read again: a cell follows its record, never a DOM node, and is never added twice.
// The work is done in slices that leave the host its frames, and a cell is drawn only once it
// comes near the screen, so a 5,000-row list does not freeze the page.
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { SyncCell } from '@/components/SyncCell';
import css from '@/components/sync-cell.css?inline';
import type { ListPage, SiteAdapter } from '../adapters/types';
import { type RecordRef, recordKey, recordRefSchema } from '../contract/records';
import { logError } from '../log';
import type { StatusStore } from './status-store';

export const CELL_MARKER = 'data-erp-sync-cell';
export const HEADER_MARKER = 'data-erp-sync-header';
export const HEADER_TEXT = 'ERP Synced';

interface Cell {
  id: number;
  shadow: ShadowRoot;
  ref: RecordRef;
  key: string;
  /** Drawn once it has come near the screen. */
  seen: boolean;
}

/** How long one slice of row work may take before the host gets the main thread back. */
const SLICE_MS = 8;
/** Rows this far below or above the screen are asked for before they are scrolled to. */
const AHEAD = '400px 0px';
/** Our controls must never trigger the host's own handlers (a Xero row opens its invoice on click). */
const CONTAINED_EVENTS = ['click', 'mousedown', 'mouseup', 'dblclick', 'keydown'];

export function mountSyncColumn(doc: Document, page: ListPage, adapter: SiteAdapter, store: StatusStore): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const cells = new Map<Element, Cell>();
  const root = createRoot(doc.createElement('div'));
  // The exact nodes we inserted and removed, so our own mutations are told from the host's.
  const weAdded = new WeakSet<Node>();
  const weRemoved = new WeakSet<Node>();
  /** Keys whose reference passed the contract's checks: only those are ever shown or sent. */
  const validKeys = new Set<string>();
  let nextId = 0;
  let disposed = false;
  let scanRequested = false;
  let continuation = 0;
  let pending: { rows: Element[]; next: number } | null = null;

  const guarded = (work: () => void) => {
    if (disposed) return;
    try {
      work();
    } catch (error) {
      logError('sync-column', error, { page: page.kind, url: doc.location?.href });
    }
  };

  const render = () =>
    root.render(
      [...cells.values()]
        .filter((cell) => cell.seen)
        .map((cell) => createPortal(<SyncCell recordKey={cell.key} store={store} />, cell.shadow, String(cell.id))),
    );

  // Only rows on (or near) the screen are asked for: a 1,000-row table costs one request at first.
  const visibility = new IntersectionObserver(
    (entries) =>
      guarded(() => {
        let newlySeen = false;
        for (const entry of entries) {
          const cell = entry.isIntersecting ? cells.get(entry.target) : undefined;
          if (!cell) continue;
          store.want(cell.ref);
          newlySeen ||= !cell.seen;
          cell.seen = true;
        }
        if (newlySeen) render();
      }),
    { rootMargin: AHEAD },
  );

  function insert(parent: Element, child: Element) {
    weAdded.add(child);
    parent.append(child);
  }

  function remove(element: Element) {
    weRemoved.add(element);
    element.remove();
  }

  function contain(element: Element) {
    for (const type of CONTAINED_EVENTS) element.addEventListener(type, (e) => e.stopPropagation());
  }

  function addCell(row: Element, ref: RecordRef, key: string) {
    const td = doc.createElement('td');
    // Borrow the row's cell look (its class: borders, padding, hover), as the header does; tables
    // that style cells by class (XUI's) would otherwise lose their row lines under our column.
    const last = row.lastElementChild;
    if (last) td.className = last.className;
    td.setAttribute(CELL_MARKER, '');
    // Centred in the row whatever the host aligns, and never making the row taller.
    td.style.textAlign = 'center';
    td.style.verticalAlign = 'middle';
    td.style.paddingTop = '0';
    td.style.paddingBottom = '0';
    contain(td);
    const holder = doc.createElement('span');
    const shadow = holder.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    td.append(holder);
    insert(row, td);
    cells.set(td, { id: nextId++, shadow, ref, key, seen: false });
    visibility.observe(td);
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
    insert(headerRow, header);
  }

  /** The row's record, when its reference passes the contract's checks; anything else gets no cell. */
  function recordOf(row: Element): { ref: RecordRef; key: string } | null {
    const ref = adapter.recordOfRow(row, page);
    if (!ref) return null;
    const key = recordKey(ref);
    if (!validKeys.has(key)) {
      if (!recordRefSchema.safeParse(ref).success) return null;
      validKeys.add(key);
    }
    return { ref, key };
  }

  function readRow(row: Element): boolean {
    const record = recordOf(row);
    const existing = row.querySelector(`:scope > [${CELL_MARKER}]`);
    if (!record) {
      if (existing) remove(existing);
      return false;
    }
    const cell = existing ? cells.get(existing) : undefined;
    if (!cell) {
      if (existing) remove(existing); // a copy of our cell made by the host, with no shadow content
      addCell(row, record.ref, record.key);
      return true;
    }
    if (cell.key === record.key) return false;
    // The host reused the row for another record: show that one, and ask for it when seen.
    Object.assign(cell, record);
    visibility.unobserve(existing as Element);
    visibility.observe(existing as Element);
    return true;
  }

  /** Starts reading the rows afresh: the host changed something. */
  function scan() {
    scanRequested = false;
    let changed = false;
    for (const element of cells.keys()) {
      if (!element.isConnected) {
        visibility.unobserve(element);
        cells.delete(element);
        changed = true;
      }
    }
    const layout = adapter.layout(doc, page);
    if (layout) {
      addHeader(layout.headerRow);
      pending = { rows: layout.rows, next: 0 };
    }
    if (changed) render();
    continueScan();
  }

  /** Reads rows until the slice's time is up, then lets the host have the next frame. */
  function continueScan() {
    if (!pending) return;
    const started = performance.now();
    let changed = false;
    while (pending.next < pending.rows.length) {
      if (performance.now() - started > SLICE_MS) {
        continuation ||= requestAnimationFrame(() => {
          continuation = 0;
          guarded(continueScan);
        });
        break;
      }
      const row = pending.rows[pending.next++] as Element;
      try {
        changed = readRow(row) || changed;
      } catch (error) {
        logError('sync-column', error, { page: page.kind, row: row.id || row.getAttribute('row-id') });
      }
    }
    if (pending.next >= pending.rows.length) pending = null;
    if (changed) render();
  }

  const isOurs = (record: MutationRecord) =>
    record.type === 'childList' &&
    [...record.addedNodes].every((node) => weAdded.has(node)) &&
    [...record.removedNodes].every((node) => weRemoved.has(node));

  const observer = new MutationObserver((records) => {
    if (disposed || scanRequested || records.every(isOurs)) return;
    scanRequested = true;
    requestAnimationFrame(() => guarded(scan));
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['row-id', 'data-id', 'id', 'href'] });
  guarded(scan);

  return () => {
    disposed = true;
    pending = null;
    cancelAnimationFrame(continuation);
    observer.disconnect();
    visibility.disconnect();
    root.unmount();
    cells.clear();
    for (const element of doc.querySelectorAll(`[${CELL_MARKER}], [${HEADER_MARKER}]`)) element.remove();
  };
}
