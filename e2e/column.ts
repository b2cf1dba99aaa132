// What the column shows on a table page, read row by row in one pass: how many of our cells each
// record row has (exactly one, or the column was added twice) and the state its badge shows. The
// fault tests compare it with what the service holds.
import { expect, type Page } from '@playwright/test';

export interface ShownRow {
  /** The row's record id, as the host page writes it (data-id on Xero, id on Zoho Books). */
  id: string;
  cells: number;
  /** The state the badge shows, or null where no badge is drawn (a cell far off screen). */
  state: string | null;
}

/** Every record row of the page's table (`rows`: its selector), in the order shown; or only those on screen now. */
export function rowsShown(page: Page, { rows = 'tbody > tr', onScreenOnly = false } = {}): Promise<ShownRow[]> {
  return page.locator(rows).evaluateAll(
    (trs, onScreenOnly) =>
      trs
        .filter((tr) => {
          if (!onScreenOnly) return true;
          const { top, bottom } = tr.getBoundingClientRect();
          return bottom > 0 && top < innerHeight;
        })
        .map((tr) => {
          const cells = tr.querySelectorAll(':scope > [data-erp-sync-cell]');
          const holder = [...(cells[0]?.querySelectorAll('*') ?? [])].find((element) => element.shadowRoot);
          return {
            id: tr.getAttribute('data-id') ?? tr.id,
            cells: cells.length,
            state: holder?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') ?? null,
          };
        }),
    onScreenOnly,
  );
}

/** The rows in the form a test expects them: id to state, and whether every row has exactly one cell. */
export async function columnShown(page: Page): Promise<{ states: Record<string, string | null>; oneCellPerRow: boolean }> {
  const shown = await rowsShown(page);
  return { states: Object.fromEntries(shown.map((row) => [row.id, row.state])), oneCellPerRow: shown.every((row) => row.cells === 1) };
}

/**
 * Every row of the page's table has one cell, showing the state the service holds (`states`: by
 * record id), with no refusal left said on it, under one header cell. Waits for pushes to end.
 */
export async function expectColumnAsHeld(page: Page, states: Record<string, string>, timeout = 10_000): Promise<void> {
  await expect.poll(() => columnShown(page), { timeout }).toEqual({ states, oneCellPerRow: true });
  await expect(page.locator('[data-erp-sync-cell] .problem')).toHaveCount(0);
  await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
}
