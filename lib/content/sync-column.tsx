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
import { type RecordRef, recordKey } from '../contract/records';
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

export function mountSyncColumn(doc: Document, page: ListPage, adapter: SiteAdapter, store: StatusStore): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const cells = new Map<Element, Cell>();
  const root = createRoot(doc.createElement('div'));
  let nextId = 0;
  let scheduled = false;
  let pending: { rows: Element[]; next: number } | null = null;
  // Only rows on (or near) the screen are asked for: a 1,000-row table costs one request at first.
  const visibility = new IntersectionObserver(
    (entries) => {
      let newlySeen = false;
      for (const entry of entries) {
        const cell = entry.isIntersecting ? cells.get(entry.target) : undefined;
        if (!cell) continue;
        store.want(cell.ref);
        newlySeen ||= !cell.seen;
        cell.seen = true;
      }
      if (newlySeen) render();
    },
    { rootMargin: AHEAD },
  );

  const render = () =>
    root.render(
      [...cells.values()]
        .filter((cell) => cell.seen)
        .map((cell) => createPortal(<SyncCell recordKey={cell.key} store={store} />, cell.shadow, String(cell.id))),
    );

  function addCell(row: Element, ref: RecordRef): Element {
    const td = doc.createElement('td');
    td.setAttribute(CELL_MARKER, '');
    td.style.textAlign = 'center';
    // Our controls must never trigger the row's own handlers (a Xero row opens its invoice on click).
    for (const type of ['click', 'mousedown', 'mouseup', 'dblclick', 'keydown']) td.addEventListener(type, (e) => e.stopPropagation());
    const holder = doc.createElement('span');
    const shadow = holder.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    td.append(holder);
    row.append(td);
    cells.set(td, { id: nextId++, shadow, ref, key: recordKey(ref), seen: false });
    visibility.observe(td);
    return td;
  }

  function addHeader(headerRow: Element) {
    if (headerRow.querySelector(`:scope > [${HEADER_MARKER}]`)) return;
    const last = headerRow.lastElementChild;
    const header = doc.createElement(last?.tagName.toLowerCase() === 'td' ? 'td' : 'th');
    // Borrow the table's header look (its class), but centre it over our icons whatever it aligns.
    if (last) header.className = last.className;
    header.style.textAlign = 'center';
    header.style.whiteSpace = 'nowrap';
    header.setAttribute(HEADER_MARKER, '');
    header.textContent = HEADER_TEXT;
    headerRow.append(header);
  }

  /** Starts reading the rows afresh: the host changed something. */
  function scan() {
    scheduled = false;
    const layout = adapter.layout(doc, page);
    if (!layout) return;
    addHeader(layout.headerRow);
    pending = { rows: layout.rows, next: 0 };
    continueScan();
  }

  /** Reads rows until the slice's time is up, then lets the host have the next frame. */
  function continueScan() {
    if (!pending) return;
    const { rows } = pending;
    const started = performance.now();
    let changed = false;
    for (; pending.next < rows.length; pending.next++) {
      if (performance.now() - started > SLICE_MS) {
        if (changed) render();
        requestAnimationFrame(() => guarded(continueScan));
        return;
      }
      const row = rows[pending.next] as Element;
      const ref = adapter.recordOfRow(row, page);
      const existing = row.querySelector(`:scope > [${CELL_MARKER}]`);
      if (!ref) {
        existing?.remove();
        continue;
      }
      const key = recordKey(ref);
      const cell = existing ? cells.get(existing) : undefined;
      if (!cell) {
        existing?.remove(); // a copy of our cell made by the host, with no shadow content
        addCell(row, ref);
        changed = true;
      } else if (cell.key !== key) {
        // The host reused the row for another record: show that one, and ask for it when seen.
        Object.assign(cell, { ref, key });
        visibility.unobserve(existing as Element);
        visibility.observe(existing as Element);
        changed = true;
      }
    }
    pending = null;
    for (const element of cells.keys()) {
      if (!element.isConnected) {
        visibility.unobserve(element);
        cells.delete(element);
        changed = true;
      }
    }
    if (changed) render();
  }

  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      logError('sync-column', error, { page: page.kind, url: doc.location?.href });
    }
  };
  const safeScan = () => guarded(scan);
  const observer = new MutationObserver((records) => {
    if (scheduled || records.every(isOurs)) return;
    scheduled = true;
    requestAnimationFrame(safeScan);
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['row-id', 'data-id', 'id', 'href'] });
  safeScan();

  return () => {
    pending = null;
    observer.disconnect();
    visibility.disconnect();
    root.unmount();
    cells.clear();
    for (const element of doc.querySelectorAll(`[${CELL_MARKER}], [${HEADER_MARKER}]`)) element.remove();
  };
}

const isOurElement = (node: Node) => node instanceof Element && (node.hasAttribute(CELL_MARKER) || node.hasAttribute(HEADER_MARKER));

/** Our own insertions and removals are not the host re-rendering: they need no new scan. */
function isOurs(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOurElement);
}
