// Procore's lists are AG Grid grids. A grid sizes and positions its own cells and recycles its row
// elements as the user scrolls, so a cell appended to a row would have no room and drift. Instead
// the grid is asked to draw our column itself (from the page's world, where its API lives: see
// lib/page-world/ag-grid-column.ts), with an empty slot in each row that our content fills. The
// grid draws only the rows near its viewport; the ids of the rows ahead of them are asked of the
// same helper (lib/page-world/ag-grid-rows.ts), so that their statuses are known when drawn.
import { MAX_REFS_PER_LOOKUP } from '../contract/records';
import type { ListLayout } from './types';

/** What the two worlds agree on: the request on the grid, the column, and the slots it draws. */
export const AG_GRID_COLUMN = {
  /** Set on a grid's root (.ag-root-wrapper) while we want our column in it. */
  requestAttribute: 'data-erp-sync-column',
  /** Marks the empty element our column's renderer draws in each row. */
  slotAttribute: 'data-erp-sync-slot',
  colId: 'erp_synced',
  /** Set on a grid's root with a RowsAheadRequest, just before rowsEvent is dispatched on it. */
  rowsRequestAttribute: 'data-erp-sync-rows-wanted',
  rowsEvent: 'erp-sync-rows-wanted',
  /** The helper's answer, written while that event is dispatched: the ids of the rows ahead. */
  rowsAnswerAttribute: 'data-erp-sync-rows',
} as const;

/** The most rows asked for ahead at once: one look-up's worth. */
const MOST_ROWS_AHEAD = MAX_REFS_PER_LOOKUP;
/** The most drawn rows a request names; more would tell nothing new. */
const MOST_KNOWN_ROWS = 50;
/** Longer than any row id or record id: anything longer is not one. */
const LONGEST_ID = 64;

/**
 * The rows wanted ahead of the drawn ones: up to `count` displayed rows from `from` (not
 * included) in the direction `step`. `known` pairs drawn rows (their row id) with the record id
 * each shows: the answer is, for each row ahead, what holds the record id in those rows (its row
 * id or a field of its data), so the helper needs to know nothing of records.
 */
export interface RowsAheadRequest {
  from: number;
  step: 1 | -1;
  count: number;
  known: [rowId: string, recordId: string][];
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= LONGEST_ID;

/** JSON text from the page (either world may have been forged by it), parsed only when short enough to be ours. */
function parseShort(text: string | null, longest: number): unknown {
  if (text === null || text.length > longest) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // not one of ours: the page wrote it
  }
}

/** The request for up to `count` rows ahead, naming the first drawn rows that can be named; null when none can. */
export function rowsRequest(from: number, step: 1 | -1, count: number, drawn: Iterable<[rowId: string, recordId: string]>): RowsAheadRequest | null {
  const known: RowsAheadRequest['known'] = [];
  for (const pair of drawn) {
    if (known.length === MOST_KNOWN_ROWS) break;
    if (isId(pair[0]) && isId(pair[1])) known.push(pair);
  }
  if (known.length === 0 || count <= 0 || !Number.isInteger(from)) return null;
  return { from, step, count: Math.min(count, MOST_ROWS_AHEAD), known };
}

/** A request as the content script writes it, or null for anything else. */
export function parseRowsRequest(text: string | null): RowsAheadRequest | null {
  const value = parseShort(text, 200 + MOST_KNOWN_ROWS * (2 * LONGEST_ID + 8)) as Partial<RowsAheadRequest> | null;
  if (typeof value !== 'object' || value === null) return null;
  const { from, step, count, known } = value;
  const valid =
    Number.isInteger(from) &&
    (step === 1 || step === -1) &&
    Number.isInteger(count) &&
    (count as number) > 0 &&
    (count as number) <= MOST_ROWS_AHEAD &&
    Array.isArray(known) &&
    known.length > 0 &&
    known.length <= MOST_KNOWN_ROWS &&
    known.every((pair) => Array.isArray(pair) && pair.length === 2 && isId(pair[0]) && isId(pair[1]));
  return valid ? { from: from as number, step, count: count as number, known } : null;
}

/** The helper's answer: at most MOST_ROWS_AHEAD ids, each short; nothing for anything else. */
export function parseRowsAnswer(text: string | null): string[] {
  const value = parseShort(text, MOST_ROWS_AHEAD * (LONGEST_ID + 3) + 2);
  if (!Array.isArray(value) || value.length > MOST_ROWS_AHEAD) return [];
  return value.filter(isId);
}

/**
 * The grid's drawn rows: those that carry our slot, then one element of each row whose slot the
 * grid has not drawn yet (it draws our column a frame or more after it is asked), whose records
 * can be asked for meanwhile.
 */
export function agGridLayout(grid: Element | null | undefined): ListLayout | null {
  if (!grid) return null;
  const slots = [...grid.querySelectorAll(`.ag-row [${AG_GRID_COLUMN.slotAttribute}]`)];
  const slotOfRow = new Map<Element, Element>();
  const slotted = new Set<string | null>();
  for (const slot of slots) {
    const row = slot.closest('.ag-row');
    if (!row) continue;
    slotOfRow.set(row, slot);
    slotted.add(row.getAttribute('row-id'));
  }
  const withoutSlot = new Map<string, Element>();
  for (const row of grid.querySelectorAll('.ag-row[row-id]')) {
    const rowId = row.getAttribute('row-id') as string;
    if (!slotted.has(rowId) && !withoutSlot.has(rowId)) withoutSlot.set(rowId, row);
  }
  return {
    headerRow: null,
    rows: [...slotOfRow.keys(), ...withoutSlot.values()],
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
