// Procore's grid pages load AG Grid and Procore's data table from their own origin: the fixture
// pages are served with the real ag-grid-community from npm, in the version a test names.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
