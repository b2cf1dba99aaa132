import { describe, expect, it } from 'vitest';
import { AG_GRID_COLUMN } from '../adapters/ag-grid';
import { askRowsAhead, gridRowIndex } from './grid-rows-ahead';

const { rowsRequestAttribute, rowsEvent, rowsAnswerAttribute } = AG_GRID_COLUMN;

const request = { from: 10, step: 1 as const, count: 3, known: [['10', '598134332797825'] as [string, string]] };

function grid() {
  const root = document.createElement('div');
  root.className = 'ag-root-wrapper';
  document.body.append(root);
  return root;
}

describe("asking the page-world helper for a grid's rows ahead", () => {
  it('puts the request on the grid for the length of one dispatch, and takes the answer written meanwhile', () => {
    const root = grid();
    const seen: (string | null)[] = [];
    const helper = () => {
      seen.push(root.getAttribute(rowsRequestAttribute));
      root.setAttribute(rowsAnswerAttribute, JSON.stringify(['598134332797826', '598134332797827']));
    };
    root.addEventListener(rowsEvent, helper);
    try {
      expect(askRowsAhead(root, request)).toEqual(['598134332797826', '598134332797827']);
      expect(seen).toEqual([JSON.stringify(request)]);
      expect(root.hasAttribute(rowsRequestAttribute) || root.hasAttribute(rowsAnswerAttribute)).toBe(false);
    } finally {
      root.remove();
    }
  });

  it('gets nothing where no helper answers, even if the page left an answer on the grid beforehand', () => {
    const root = grid();
    root.setAttribute(rowsAnswerAttribute, JSON.stringify(['598134332797899']));
    try {
      expect(askRowsAhead(root, request)).toEqual([]);
    } finally {
      root.remove();
    }
  });

  it('takes from a forged answer only what looks like ids; the contract checks them before any look-up', () => {
    const root = grid();
    root.addEventListener(rowsEvent, () => root.setAttribute(rowsAnswerAttribute, JSON.stringify([{ recordId: '1' }, 'x'.repeat(5_000), '42'])));
    try {
      expect(askRowsAhead(root, request)).toEqual(['42']);
    } finally {
      root.remove();
    }
  });

  it("places a drawn row by AG Grid's row-index; a pinned row has none", () => {
    const row = document.createElement('div');
    row.setAttribute('row-index', '4999');
    expect(gridRowIndex(row)).toBe(4999);
    for (const index of ['b-0', 't-1', '', '1e3', '-1']) {
      row.setAttribute('row-index', index);
      expect(gridRowIndex(row)).toBe(-1);
    }
  });
});
