import { describe, expect, it } from 'vitest';
import { MAX_REFS_PER_LOOKUP as MOST_ROWS_AHEAD } from '../contract/records';
import { AG_GRID_COLUMN, agGridLayout, parseRowsAnswer, parseRowsRequest, rowsRequest } from './ag-grid';

describe('the rows-ahead request between our two worlds', () => {
  const drawn: [string, string][] = [
    ['3', '598134332797818'],
    ['4', '598134332797819'],
  ];

  it('names the drawn rows it can (short ids, fifty at most) and asks one look-up at most', () => {
    const many = Array.from({ length: 80 }, (_, i): [string, string] => [String(i), String(598134332797815 + i)]);
    const request = rowsRequest(40, 1, 2_000, [['x'.repeat(65), '1'], ...many]);
    expect(request).toMatchObject({ from: 40, step: 1, count: MOST_ROWS_AHEAD });
    expect(request?.known).toHaveLength(50);
    expect(request?.known[0]).toEqual(['0', '598134332797815']);
    expect(parseRowsRequest(JSON.stringify(request))).toEqual(request);
  });

  it('asks nothing without a drawn row to go by, or for no rows', () => {
    expect(rowsRequest(4, 1, 480, [])).toBeNull();
    expect(rowsRequest(4, 1, 0, drawn)).toBeNull();
  });

  it.each([
    ['not JSON', '{from: 1'],
    ['no rows named', JSON.stringify({ from: 4, step: 1, count: 10, known: [] })],
    ['a step of 2', JSON.stringify({ from: 4, step: 2, count: 10, known: drawn })],
    ['more than one look-up', JSON.stringify({ from: 4, step: 1, count: 501, known: drawn })],
    ['a fractional start', JSON.stringify({ from: 4.5, step: 1, count: 10, known: drawn })],
    ['an id that is an object', JSON.stringify({ from: 4, step: 1, count: 10, known: [['3', { toString: 1 }]] })],
    ['a huge text', JSON.stringify({ from: 4, step: 1, count: 10, known: drawn, pad: 'x'.repeat(20_000) })],
    ['null', 'null'],
  ])('the page-world helper refuses a request that is not ours: %s', (_what, text) => {
    expect(parseRowsRequest(text)).toBeNull();
  });

  it('takes from an answer only short strings, and nothing from one that is too long or not a list', () => {
    expect(parseRowsAnswer(JSON.stringify(['598134332797820', 7, '', 'x'.repeat(65), '<img src=x>']))).toEqual(['598134332797820', '<img src=x>']);
    expect(parseRowsAnswer(JSON.stringify(Array.from({ length: MOST_ROWS_AHEAD + 1 }, (_, i) => String(i))))).toEqual([]);
    expect(parseRowsAnswer(JSON.stringify({ ids: ['1'] }))).toEqual([]);
    expect(parseRowsAnswer(null)).toEqual([]);
    expect(parseRowsAnswer('[')).toEqual([]);
  });
});

describe("a grid's layout", () => {
  it('gives the rows with our slot, then one element of each row the grid has drawn without it yet (to ask for their records meanwhile)', () => {
    const grid = document.createElement('div');
    const slot = `<div ${AG_GRID_COLUMN.slotAttribute}></div>`;
    grid.innerHTML = `
      <div class="ag-pinned-left-cols-container"><div class="ag-row" row-id="1" id="1-left"></div><div class="ag-row" row-id="3" id="3-left"></div></div>
      <div class="ag-center-cols-container">
        <div class="ag-row" row-id="1" id="1-center">${slot}</div>
        <div class="ag-row" row-id="2" id="2-center">${slot}</div>
        <div class="ag-row" row-id="3" id="3-center"></div>
        <div class="ag-row" row-id="4" id="4-center"></div>
        <div class="ag-row" id="no-row-id"></div>
      </div>`;
    const layout = agGridLayout(grid);
    expect(layout?.rows.map((row) => row.id)).toEqual(['1-center', '2-center', '3-left', '4-center']);
    expect(layout?.rows.map((row) => layout.slotOf?.(row) ?? null).map((found) => found?.hasAttribute(AG_GRID_COLUMN.slotAttribute) ?? null)).toEqual([true, true, null, null]);
    expect(layout?.columnHost).toBe(grid);
  });
});
