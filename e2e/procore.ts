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
