// Runs in the page's own world beside the column helper. A grid draws only the rows near its
// viewport; when our content script asks (a request attribute and an event on the grid's root), this
// reads from the grid's row model the ids of the rows ahead of the drawn ones, in one bounded pass,
// and writes them back on the root before the event's dispatch returns. It knows nothing of records:
// the request names drawn rows and the id each shows, and the answer gives, for the rows ahead,
// whatever holds that id in those rows (the row's id, or one field of its data).
import { AG_GRID_COLUMN, parseRowsRequest, type RowsAheadRequest } from '../adapters/ag-grid';
import { gridApiOf } from './ag-grid-column';

const { requestAttribute, rowsRequestAttribute, rowsEvent, rowsAnswerAttribute } = AG_GRID_COLUMN;

/** What AG Grid's row nodes give us: a group row or a row not loaded yet (server-side) has no data of its own. */
export interface RowNode {
  id?: string;
  data?: unknown;
  group?: boolean;
}

/** The part of AG Grid's row API (its RowApi module, from version 33 on) we read. */
export interface RowsApi {
  isModuleRegistered(name: string): boolean;
  getRowNode(id: string): RowNode | undefined;
  getDisplayedRowAtIndex(index: number): RowNode | undefined;
  getDisplayedRowCount(): number;
}

const isRowsApi = (api: object): api is RowsApi =>
  ['isModuleRegistered', 'getRowNode', 'getDisplayedRowAtIndex', 'getDisplayedRowCount'].every(
    (name) => typeof (api as Record<string, unknown>)[name] === 'function',
  );

/** Where a row keeps the id asked for: its row id, or a field of its data. */
type IdSource = { rowId: true } | { field: string };

/** The most fields of a row's data looked at: a record's row has a few dozen. */
const MOST_FIELDS = 200;

/** A field's value as an id: strings and whole numbers only (an object or a fraction is not one). */
function asId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
  return null;
}

function idOf(node: RowNode, source: IdSource): string | null {
  if ('rowId' in source) return typeof node.id === 'string' ? node.id : null;
  const data = node.data;
  return typeof data === 'object' && data !== null ? asId((data as Record<string, unknown>)[source.field]) : null;
}

/**
 * What holds the named ids in the named rows, all of them agreeing: the row id first, else the
 * first field of their data that does. Null when the grid knows none of those rows, or nothing agrees.
 */
export function idSourceOf(api: RowsApi, known: RowsAheadRequest['known']): IdSource | null {
  const pairs = known.flatMap(([rowId, id]) => {
    const node = api.getRowNode(rowId);
    return node ? [{ node, id }] : [];
  });
  const [first] = pairs;
  if (!first) return null;
  const agrees = (source: IdSource) => pairs.every(({ node, id }) => idOf(node, source) === id);
  if (agrees({ rowId: true })) return { rowId: true };
  const data = first.node.data;
  if (typeof data !== 'object' || data === null) return null;
  const field = Object.keys(data)
    .slice(0, MOST_FIELDS)
    .find((name) => agrees({ field: name }));
  return field === undefined ? null : { field };
}

/**
 * The ids of up to `count` displayed rows after (or before) `from`, in display order, from the one
 * source the known rows agree on. Rows without one (groups, rows not loaded) are passed over, and
 * at most twice `count` rows are looked at: the pass stays short whatever the grid holds.
 */
export function rowsAhead(api: RowsApi, { from, step, count, known }: RowsAheadRequest): string[] {
  if (!api.isModuleRegistered('RowApi')) return [];
  const source = idSourceOf(api, known);
  if (!source) return [];
  const total = api.getDisplayedRowCount();
  const ids: string[] = [];
  for (let index = from + step, looked = 0; index >= 0 && index < total && ids.length < count && looked < 2 * count; index += step, looked++) {
    const node = api.getDisplayedRowAtIndex(index);
    if (!node || node.group) continue;
    const id = idOf(node, source);
    if (id !== null) ids.push(id);
  }
  return ids;
}

/**
 * Answers requests for the rows ahead on the grids our column was asked for. A grid whose API
 * throws is logged once and not answered again (a page could otherwise make us log at will).
 */
export function serveRowRequests(doc: Document, log: (error: unknown, context: Record<string, unknown>) => void): () => void {
  const failed = new WeakSet<Element>();
  const answer = (event: Event) => {
    const grid = event.target;
    if (!(grid instanceof Element) || failed.has(grid) || !grid.matches(`.ag-root-wrapper[${requestAttribute}]`)) return;
    const request = parseRowsRequest(grid.getAttribute(rowsRequestAttribute));
    if (!request) return;
    try {
      const api = gridApiOf(grid);
      if (!api || !isRowsApi(api)) return;
      grid.setAttribute(rowsAnswerAttribute, JSON.stringify(rowsAhead(api, request)));
    } catch (error) {
      failed.add(grid);
      log(error, { grid: grid.getAttribute('aria-label') ?? grid.className, url: doc.location?.href });
    }
  };
  doc.addEventListener(rowsEvent, answer, true);
  return () => doc.removeEventListener(rowsEvent, answer, true);
}
