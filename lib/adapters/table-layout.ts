// Most lists are real tables: their header row and body rows are found the same way once the
// right table is picked.
import type { ListLayout } from './types';

export function tableLayout(table: Element | null | undefined): ListLayout | null {
  const headerRow = table?.querySelector(':scope > thead > tr');
  if (!table || !headerRow) return null;
  return { headerRow, rows: [...table.querySelectorAll(':scope > tbody > tr')] };
}

/** The first table whose header has a cell reading exactly one of these. */
export function tableWithHeader(doc: Document, headers: string[]): Element | undefined {
  const wanted = headers.map((h) => h.toLowerCase());
  return [...doc.querySelectorAll('table')].find((table) =>
    [...table.querySelectorAll(':scope > thead > tr > th, :scope > thead > tr > td')].some((cell) =>
      wanted.includes(cell.textContent?.trim().toLowerCase() ?? ''),
    ),
  );
}
