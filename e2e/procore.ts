// Procore's grid pages load AG Grid and Procore's data table from their own origin: the fixture
// pages are served with the real ag-grid-community from npm, in the version a test names.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import type { ExtensionHarness } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The AG Grid versions our fixtures run on: 35 draws pinned columns in containers of their own, 36 in one row. */
export const AG_GRID_VERSIONS = {
  '35.3.1': 'ag-grid-community',
  '36.2.0': 'ag-grid-community-36',
} as const;

export type AgGridVersion = keyof typeof AG_GRID_VERSIONS;

export const COMPANY = '598134325511640';
export const PROJECT = '598134325548164';
export const TOOLS = `https://app.procore.com/webclients/host/companies/${COMPANY}/projects/${PROJECT}/tools`;

/** The direct cost in row n of procore/direct-costs.html (?per_page= sets how many rows it has; 1,200 by default). */
export const directCost = (n: number): RecordRef => ({
  system: 'procore',
  recordType: 'direct_cost',
  projectId: PROJECT,
  recordId: String(598134332797815n + BigInt(n)),
});

export async function serveProcoreAssets(extension: ExtensionHarness, origin: string, version: AgGridVersion): Promise<void> {
  const agGrid = path.join(root, 'node_modules', AG_GRID_VERSIONS[version], 'dist', 'ag-grid-community.min.js');
  await extension.serve(`${origin}/assets/ag-grid-community.min.js`, { file: agGrid });
  await extension.serve(`${origin}/assets/procore-data-table.js`, 'procore/data-table.js');
}

/** One direct cost of a generated grid: its id (the grid's row id), its vendor, and where it links. */
export interface ProcoreGridCost {
  id: string;
  vendor: string;
  /** By default the cost's own page. */
  link?: string;
}

/**
 * A Procore tool page whose grid (Procore's data table on real AG Grid, keyed by record id) shows
 * these direct costs; the grid's renderers show every value as text, as Procore's do.
 */
export function procoreGridPage(costs: ProcoreGridCost[]): string {
  // In a script block, "<" could close it: the data is written with it escaped.
  const data = JSON.stringify(costs).replaceAll('<', '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Direct Costs | Procore</title>
    <script src="/assets/ag-grid-community.min.js"></script><script src="/assets/procore-data-table.js"></script></head>
    <body><div id="direct-costs" style="height: 600px"></div><script>
      window.procoreDataTable(document.getElementById('direct-costs'), {
        label: 'Direct costs',
        rows: ${data},
        recordIdsAsRowIds: true,
        columns: [
          { field: 'vendor', headerName: 'Vendor', pinned: 'left', width: 320, link: (cost) => cost.link ?? '/${PROJECT}/project/direct_costs/' + cost.id },
          { field: 'id', headerName: 'Cost id' },
        ],
      });
    </script></body></html>`;
}

/**
 * Scrolls a grid of `count` direct costs a screen at a time, down from where it is to the end or up to the
 * top, waiting at each screen (up to 15 s) until the grid has drawn every row of it and each shows
 * a state, as someone reading the list would. The rows of a screen are known by their place (rows
 * are of one height), not by where the grid has put its elements so far: it draws over a few
 * frames. Done in the page: a thousand screens are too many to read over the wire. Answers the
 * state each record showed (by the id its link opens), the records on screens that never showed
 * theirs, and the rows seen with other than one cell of ours.
 */
export function scrollGridThrough(grid: Locator, direction: 'down' | 'up', count: number) {
  return grid.evaluate(
    async (root, { direction, count }) => {
      const scroller = [...root.querySelectorAll('*')].find(
        (element) => element.scrollHeight > element.clientHeight + 40 && ['auto', 'scroll'].includes(getComputedStyle(element).overflowY),
      );
      const rowHeight = root.querySelector<HTMLElement>('.ag-row:not(.ag-row-pinned)')?.offsetHeight;
      if (!scroller || !rowHeight) throw new Error('The grid has no scroller or no row');
      /** The rows of the screen, by display index: the record its link opens, and the state of each cell of ours in its parts. */
      const screen = () => {
        const first = Math.floor(scroller.scrollTop / rowHeight);
        const last = Math.min(count, Math.ceil((scroller.scrollTop + scroller.clientHeight) / rowHeight)) - 1;
        return Array.from({ length: last - first + 1 }, (_, i) => {
          const index = first + i;
          const parts = root.querySelectorAll(`.ag-row[row-index="${index}"]`);
          const link = [...parts].flatMap((part) => [...part.querySelectorAll('a[href*="/direct_costs/"]')])[0];
          const states = [...parts].flatMap((part) =>
            [...part.querySelectorAll('[data-erp-sync-cell]')].map((cell) => {
              const state = cell.querySelector(':scope > span')?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state');
              return state && state !== 'loading' ? state : null;
            }),
          );
          return { index, recordId: link?.getAttribute('href')?.split('/').pop() ?? null, states };
        });
      };
      const seen: Record<string, string | null> = {};
      const neverShown: string[] = [];
      const notOneCell: string[] = [];
      for (;;) {
        const since = performance.now();
        let rows = screen();
        let nudged = since;
        while (rows.some((row) => !row.recordId || row.states.length !== 1 || row.states[0] === null) && performance.now() - since < 15_000) {
          // Scrolled by script screen after screen on a busy machine, AG Grid can miss the last
          // scroll and keep the rows of the one before; a scroll event makes it look again.
          if (rows.some((row) => !row.recordId) && performance.now() - nudged > 2_000) {
            scroller.dispatchEvent(new Event('scroll'));
            nudged = performance.now();
          }
          await new Promise(requestAnimationFrame);
          rows = screen();
        }
        for (const { index, recordId, states } of rows) {
          const id = recordId ?? `row ${index}, not drawn at scrollTop ${scroller.scrollTop}`;
          seen[id] = states[0] ?? null;
          if (states[0] === null || states[0] === undefined) neverShown.push(id);
          if (states.length !== 1) notOneCell.push(id);
        }
        const before = scroller.scrollTop;
        scroller.scrollTop += (direction === 'down' ? 0.9 : -0.9) * scroller.clientHeight;
        if (scroller.scrollTop === before) return { seen, neverShown, notOneCell };
      }
    },
    { direction, count },
  );
}
