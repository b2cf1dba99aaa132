// Asks the page-world grid helper (lib/page-world/ag-grid-rows.ts) for the ids of the rows a grid has
// not drawn yet. The helper answers on the grid's root while our event is dispatched, so the question
// and its answer take one call. The page can see and forge both: the ids that come back are only
// candidates, each checked against the list's record format before anything is asked about it.
import { AG_GRID_COLUMN, parseRowsAnswer, type RowsAheadRequest } from '../adapters/ag-grid';

const { rowsRequestAttribute, rowsEvent, rowsAnswerAttribute } = AG_GRID_COLUMN;

/** The ids of the rows ahead, as the helper answered; none where no helper answers. */
export function askRowsAhead(grid: Element, request: RowsAheadRequest): string[] {
  grid.removeAttribute(rowsAnswerAttribute);
  grid.setAttribute(rowsRequestAttribute, JSON.stringify(request));
  try {
    grid.dispatchEvent(new Event(rowsEvent));
    return parseRowsAnswer(grid.getAttribute(rowsAnswerAttribute));
  } finally {
    grid.removeAttribute(rowsRequestAttribute);
    grid.removeAttribute(rowsAnswerAttribute);
  }
}

/** A drawn grid row's place in the grid's display order (AG Grid's row-index); -1 for a pinned row or none. */
export function gridRowIndex(row: Element): number {
  const index = row.getAttribute('row-index') ?? '';
  return /^\d{1,9}$/.test(index) ? Number(index) : -1;
}
