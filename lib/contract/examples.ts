// For tests: a realistic status to start from, changed only where a test cares.
import type { RecordStatus } from './status';

export function exampleStatus(changes: Partial<RecordStatus> = {}): RecordStatus {
  return {
    ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2' },
    key: 'procore/direct_cost/1/2',
    state: 'synced',
    number: 'DC-1',
    url: null,
    counterpart: {
      ref: { system: 'xero', recordType: 'bill', recordId: '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b' },
      number: 'BILL-0318',
      url: 'https://go.xero.com/AccountsPayable/Edit.aspx?InvoiceID=7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
    },
    lock: { locked: false, by: null, at: null, reason: null },
    lastSyncedAt: '2026-11-22T07:00:00.000Z',
    lastError: null,
    differences: [],
    activeJobId: null,
    updatedAt: '2026-11-22T07:00:00.000Z',
    ...changes,
  };
}
