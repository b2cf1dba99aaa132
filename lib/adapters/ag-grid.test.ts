import { describe, expect, it } from 'vitest';
import { MAX_REFS_PER_LOOKUP as MOST_ROWS_AHEAD } from '../contract/records';
import { parseRowsAnswer, parseRowsRequest, rowsRequest } from './ag-grid';

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
