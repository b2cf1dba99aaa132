import { describe, expect, it, vi } from 'vitest';
import { AG_GRID_COLUMN } from '../adapters/ag-grid';
import { type GridApi, gridApiOf, keepColumn, serveColumnRequests } from './ag-grid-column';

type Def = { colId?: string; field?: string };

/** A grid as AG Grid leaves it in the DOM: its API reachable from a row's controller. */
function fakeGrid({ withRow = true, modules = ['ColumnApi', 'EventApi'] } = {}) {
  let defs: Def[] = [{ colId: 'number' }, { colId: 'status' }];
  const listeners = new Set<() => void>();
  let destroyed = false;
  const setGridOption = vi.fn((_key: 'columnDefs', value: object[]) => {
    if (destroyed) throw new Error('grid destroyed');
    defs = value;
    listeners.forEach((listener) => listener());
  });
  const api: GridApi & { destroy(): void; hostResetsColumns(): void } = {
    isDestroyed: () => destroyed,
    isModuleRegistered: (name) => modules.includes(name),
    getColumn: (key) => defs.find((def) => def.colId === key) ?? null,
    getColumnDefs: () => defs,
    setGridOption,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    destroy: () => (destroyed = true),
    hostResetsColumns: () => api.setGridOption('columnDefs', [{ colId: 'number' }, { colId: 'status' }]),
  };
  const root = document.createElement('div');
  root.className = 'ag-root-wrapper';
  const addRow = () => {
    const row = document.createElement('div');
    row.className = 'ag-row';
    (row as unknown as Record<string, unknown>)['__AG_0.8137'] = { renderedRow: { beans: { gridApi: api } } };
    root.append(row);
  };
  if (withRow) addRow();
  return { api, root, addRow, setGridOption, ids: () => defs.map((def) => def.colId) };
}

/** Past the helper's wait for the page's next frame (20 ms at most) and the task after it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe("AG Grid's column, from the page's world", () => {
  it("finds the grid's API through the controller AG Grid keeps on a row, and nothing else", () => {
    const { api, root } = fakeGrid();
    expect(gridApiOf(root)).toBe(api);
    expect(gridApiOf(fakeGrid({ withRow: false }).root)).toBeNull();
    const impostor = document.createElement('div');
    impostor.innerHTML = '<div class="ag-row"></div>';
    (impostor.firstElementChild as unknown as Record<string, unknown>)['__AG_1'] = { renderedRow: { beans: { gridApi: { getColumn: 1 } } } };
    expect(gridApiOf(impostor)).toBeNull();
  });

  it('keeps our column once, brings it back when the host resets its columns, and removes it when let go', () => {
    const { api, ids } = fakeGrid();
    const letGo = keepColumn(api, () => undefined);
    expect(ids()).toEqual(['number', 'status', AG_GRID_COLUMN.colId]);
    api.hostResetsColumns();
    expect(ids()).toEqual(['number', 'status', AG_GRID_COLUMN.colId]);
    letGo();
    expect(ids()).toEqual(['number', 'status']);
    api.hostResetsColumns();
    expect(ids()).toEqual(['number', 'status']);
  });

  it("leaves a grid without AG Grid's column API alone: adding to no columns would replace the host's", () => {
    const { api, ids } = fakeGrid({ modules: ['EventApi'] });
    expect(() => keepColumn(api, () => undefined)).toThrow(/no column or event API/);
    expect(ids()).toEqual(['number', 'status']);
  });

  it('steps aside from a host that keeps replacing its columns, instead of looping', () => {
    const { api, ids, setGridOption } = fakeGrid();
    const onError = vi.fn();
    keepColumn(api, onError);
    for (let i = 0; i < 10; i++) api.hostResetsColumns();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toEqual(expect.objectContaining({ message: expect.stringMatching(/steps aside/) }));
    expect(setGridOption).toHaveBeenCalledTimes(1 + 10 + 2); // ours once, the host's ten, ours twice more
    expect(ids()).toEqual(['number', 'status']);
  });

  it('leaves a destroyed grid alone', () => {
    const { api } = fakeGrid();
    const letGo = keepColumn(api, () => undefined);
    api.destroy();
    expect(letGo).not.toThrow();
  });

  it('serves requests as grids come, ask, wait for their first row and stop asking', async () => {
    const log = vi.fn();
    const stop = serveColumnRequests(document, log);
    const ready = fakeGrid();
    const empty = fakeGrid({ withRow: false });
    document.body.append(ready.root, empty.root);
    try {
      await settle();
      expect(ready.ids()).not.toContain(AG_GRID_COLUMN.colId); // nobody asked
      ready.root.setAttribute(AG_GRID_COLUMN.requestAttribute, 'ERP Synced');
      empty.root.setAttribute(AG_GRID_COLUMN.requestAttribute, 'ERP Synced');
      await settle();
      expect(ready.ids()).toContain(AG_GRID_COLUMN.colId);
      expect(empty.ids()).not.toContain(AG_GRID_COLUMN.colId);
      empty.addRow();
      await settle();
      expect(empty.ids()).toContain(AG_GRID_COLUMN.colId);
      ready.root.removeAttribute(AG_GRID_COLUMN.requestAttribute);
      await settle();
      expect(ready.ids()).not.toContain(AG_GRID_COLUMN.colId);
      expect(log).not.toHaveBeenCalled();
    } finally {
      stop();
      ready.root.remove();
      empty.root.remove();
    }
    expect(empty.ids()).not.toContain(AG_GRID_COLUMN.colId); // stopping lets every grid go
  });

  it('logs a grid that fails instead of throwing into the page', async () => {
    const log = vi.fn();
    const broken = fakeGrid();
    broken.api.setGridOption = () => {
      throw new Error('columnDefs refused');
    };
    document.body.append(broken.root);
    const stop = serveColumnRequests(document, log);
    broken.root.setAttribute(AG_GRID_COLUMN.requestAttribute, 'ERP Synced');
    await settle();
    broken.addRow(); // later changes do not try (and log) again
    await settle();
    stop();
    broken.root.remove();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ grid: 'ag-root-wrapper' }));
  });
});
