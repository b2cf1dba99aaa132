// Procore's lists are AG Grid grids. A grid sizes and positions its own cells and recycles its row
// elements as the user scrolls, so a cell appended to a row would have no room and drift. Instead
// the grid is asked to draw our column itself (from the page's world, where its API lives: see
// lib/page-world/ag-grid-column.ts), with an empty slot in each row that our content fills.
import type { ListLayout } from './types';

/** What the two worlds agree on: the request on the grid, the column, and the slots it draws. */
export const AG_GRID_COLUMN = {
  /** Set on a grid's root (.ag-root-wrapper) while we want our column in it. */
  requestAttribute: 'data-erp-sync-column',
  /** Marks the empty element our column's renderer draws in each row. */
  slotAttribute: 'data-erp-sync-slot',
  colId: 'erp_synced',
} as const;

/** The grid's rows that carry our slot: none until the grid has drawn our column. */
export function agGridLayout(grid: Element | null | undefined): ListLayout | null {
  if (!grid) return null;
  const slots = [...grid.querySelectorAll(`.ag-row [${AG_GRID_COLUMN.slotAttribute}]`)];
  const slotOfRow = new Map<Element, Element>();
  for (const slot of slots) {
    const row = slot.closest('.ag-row');
    if (row) slotOfRow.set(row, slot);
  }
  return {
    headerRow: null,
    rows: [...slotOfRow.keys()],
    columnHost: grid,
    slotOf: (row) => slotOfRow.get(row) ?? null,
  };
}

/**
 * Every element that shows one logical row. Pinned columns live in their own containers (AG Grid
 * up to 35), so one record is drawn as up to three .ag-row elements sharing a row-id.
 */
export function rowParts(row: Element): Element[] {
  const rowId = row.getAttribute('row-id');
  const grid = row.classList.contains('ag-row') ? row.closest('.ag-root') : null;
  if (!rowId || !grid) return [row];
  const parts = [...grid.querySelectorAll(`.ag-row[row-id="${CSS.escape(rowId)}"]`)];
  return parts.length > 0 ? parts : [row];
}
