// The states of a generated test list, row by row: the integration reports the rows synced, not
// synced and failed in turn, and never reports every fourth (the service does not know it). Tests
// seed the service with them and hold what the column shows against them.
import type { IngestRecord } from '../lib/contract/api';
import type { RecordRef } from '../lib/contract/records';
import type { TestTenant } from './service';

const STATES = ['synced', 'not_synced', 'failed', 'unknown'] as const;
export type RowState = (typeof STATES)[number];

export const stateOfRow = (i: number): RowState => STATES[i % STATES.length] as RowState;

/** Row i's report: linked to a Procore cost (so a push of it succeeds), failed for a reason a re-sync fixes. */
function reportOf(ref: RecordRef, i: number): IngestRecord | null {
  const counterpart = { ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1_000_000 + i) } } as const;
  const state = stateOfRow(i);
  if (state === 'unknown') return null;
  if (state !== 'failed') return { ref, state, counterpart };
  return { ref, state, counterpart, error: { code: 'erp_rejected', message: 'Procore rejected the record: account code 400 is archived.', hint: 'Choose an active account code, then re-sync.' } };
}

/** Reports rows 0 to n - 1 (row i shows the record refOf(i)); answers the state each record id should show. */
export async function seedRows(tenant: TestTenant, n: number, refOf: (i: number) => RecordRef): Promise<Record<string, RowState>> {
  const reports = Array.from({ length: n }, (_, i) => reportOf(refOf(i), i)).filter((report) => report !== null);
  for (let start = 0; start < reports.length; start += 1000) await tenant.report(reports.slice(start, start + 1000));
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [refOf(i).recordId, stateOfRow(i)]));
}
