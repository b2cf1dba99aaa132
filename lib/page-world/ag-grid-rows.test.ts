import { describe, expect, it, vi } from 'vitest';
import { AG_GRID_COLUMN, type RowsAheadRequest } from '../adapters/ag-grid';
import { idSourceOf, type RowNode, type RowsApi, rowsAhead, serveRowRequests } from './ag-grid-rows';

const { requestAttribute, rowsRequestAttribute, rowsEvent, rowsAnswerAttribute } = AG_GRID_COLUMN;

const costId = (i: number) => String(598134332797815n + BigInt(i));

/**
 * A grid's row model as AG Grid's row API shows it: `rows` in display order. By default AG Grid
 * numbers the rows (0, 1, ...) and the record id is a field of their data, as on Procore's Direct Costs.
 */
function fakeRows(count: number, { rowIdIsRecordId = false, modules = ['RowApi'] } = {}) {
  const nodes: RowNode[] = Array.from({ length: count }, (_, i) => ({
    id: rowIdIsRecordId ? costId(i) : String(i),
    data: { date: '2026-01-02', vendor: 'Bayline Concrete Pty Ltd', amount: 1500 + i, id: costId(i) },
  }));
  const rowAt = vi.fn((index: number) => nodes[index]);
  const api: RowsApi = {
    isModuleRegistered: (name) => modules.includes(name),
    getRowNode: (id) => nodes.find((node) => node.id === id),
    getDisplayedRowAtIndex: rowAt,
    getDisplayedRowCount: () => nodes.length,
  };
  return { api, nodes, rowAt };
}

/** The drawn rows i..j, as the content script names them: their row id, and the record id each shows. */
const drawn = (nodes: RowNode[], from: number, to: number): RowsAheadRequest['known'] =>
  nodes.slice(from, to + 1).map((node, i) => [node.id as string, costId(from + i)]);

describe("the rows ahead of a grid's drawn ones, read in the page's world", () => {
  it("finds what holds the record id in the drawn rows: the row id when it is the record's, else the field of their data", () => {
    const numbered = fakeRows(10);
    expect(idSourceOf(numbered.api, drawn(numbered.nodes, 2, 4))).toEqual({ field: 'id' });
    const keyed = fakeRows(10, { rowIdIsRecordId: true });
    expect(idSourceOf(keyed.api, drawn(keyed.nodes, 2, 4))).toEqual({ rowId: true });
  });

  it('finds nothing when the drawn rows disagree, or the grid knows none of them', () => {
    const { api, nodes } = fakeRows(10);
    expect(idSourceOf(api, [...drawn(nodes, 2, 3), ['4', costId(9)]])).toBeNull();
    expect(idSourceOf(api, [['no such row', costId(1)]])).toBeNull();
    expect(rowsAhead(api, { from: 3, step: 1, count: 5, known: [['4', costId(9)]] })).toEqual([]);
  });

  it('reads the next rows after the drawn ones, or those before them, up to the count and the ends of the grid', () => {
    const { api, nodes } = fakeRows(1_000);
    const known = drawn(nodes, 500, 520);
    expect(rowsAhead(api, { from: 520, step: 1, count: 3, known })).toEqual([costId(521), costId(522), costId(523)]);
    expect(rowsAhead(api, { from: 500, step: -1, count: 2, known })).toEqual([costId(499), costId(498)]);
    expect(rowsAhead(api, { from: 995, step: 1, count: 10, known })).toEqual([996, 997, 998, 999].map(costId));
    expect(rowsAhead(api, { from: 1, step: -1, count: 10, known })).toEqual([costId(0)]);
    const keyed = fakeRows(100, { rowIdIsRecordId: true });
    expect(rowsAhead(keyed.api, { from: 10, step: 1, count: 2, known: drawn(keyed.nodes, 0, 10) })).toEqual([costId(11), costId(12)]);
  });

  it('passes over group rows, rows not loaded yet and values that are not ids, and looks at no more than twice the count', () => {
    const { api, nodes, rowAt } = fakeRows(100);
    nodes[11] = { id: 'row-group-vendor', group: true, data: { id: 'Bayline' } };
    nodes[12] = { id: '12' }; // server-side row model: a row not loaded yet
    (nodes[13]?.data as Record<string, unknown>).id = { id: costId(13) };
    expect(rowsAhead(api, { from: 10, step: 1, count: 3, known: drawn(nodes, 0, 10) })).toEqual([14, 15, 16].map(costId));
    for (let i = 21; i < 100; i++) nodes[i] = { id: String(i) };
    rowAt.mockClear();
    expect(rowsAhead(api, { from: 20, step: 1, count: 10, known: drawn(nodes, 0, 10) })).toEqual([]);
    expect(rowAt).toHaveBeenCalledTimes(20);
  });

  it("reads nothing from a grid without AG Grid's row API", () => {
    const { api, nodes } = fakeRows(100, { modules: [] });
    expect(rowsAhead(api, { from: 10, step: 1, count: 5, known: drawn(nodes, 0, 10) })).toEqual([]);
  });
});

describe('answering the content script', () => {
  /** A grid root as AG Grid leaves it: its API reachable from a row's controller. */
  function gridRoot(api: object) {
    const root = document.createElement('div');
    root.className = 'ag-root-wrapper';
    const row = document.createElement('div');
    row.className = 'ag-row';
    (row as unknown as Record<string, unknown>)['__AG_0.51'] = { renderedRow: { beans: { gridApi: api } } };
    root.append(row);
    document.body.append(root);
    return root;
  }
  /** What a grid's full API looks like to the helper: the column part too. */
  const withColumnApi = (api: RowsApi) => ({
    ...api,
    isDestroyed: () => false,
    getColumn: () => null,
    getColumnDefs: () => [],
    setGridOption: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
  const ask = (root: Element, request: unknown) => {
    root.setAttribute(rowsRequestAttribute, JSON.stringify(request));
    root.dispatchEvent(new Event(rowsEvent));
    return root.getAttribute(rowsAnswerAttribute);
  };

  it('answers on the grid, before the dispatch returns, for a grid our column was asked for only', () => {
    const { api, nodes } = fakeRows(100);
    const root = gridRoot(withColumnApi(api));
    const log = vi.fn();
    const stop = serveRowRequests(document, log);
    try {
      const request = { from: 10, step: 1, count: 2, known: drawn(nodes, 0, 10) };
      expect(ask(root, request)).toBeNull(); // no column asked for on it
      root.setAttribute(requestAttribute, 'ERP Synced');
      expect(JSON.parse(ask(root, request) ?? 'null')).toEqual([costId(11), costId(12)]);
      root.removeAttribute(rowsAnswerAttribute);
      expect(ask(root, { ...request, count: 10_000 })).toBeNull(); // not a request of ours
      expect(log).not.toHaveBeenCalled();
    } finally {
      stop();
      root.remove();
    }
  });

  it('logs a grid whose API throws once, and answers it no more', () => {
    const { api, nodes } = fakeRows(100);
    api.getDisplayedRowCount = () => {
      throw new Error('grid destroyed');
    };
    const root = gridRoot(withColumnApi(api));
    root.setAttribute(requestAttribute, 'ERP Synced');
    const log = vi.fn();
    const stop = serveRowRequests(document, log);
    try {
      const request = { from: 10, step: 1, count: 2, known: drawn(nodes, 0, 10) };
      expect(ask(root, request)).toBeNull();
      expect(ask(root, request)).toBeNull();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ grid: 'ag-root-wrapper' }));
    } finally {
      stop();
      root.remove();
    }
  });
});
