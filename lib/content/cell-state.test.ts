import { describe, expect, it } from 'vitest';
import type { RecordStatus } from '../contract/status';
import { cellView } from './cell-state';

const base: RecordStatus = {
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
};

const view = (status: Partial<RecordStatus>) => cellView({ kind: 'status', status: { ...base, ...status } });

describe('cellView', () => {
  it('gives every state its own icon shape and an accessible name', () => {
    const views = [
      view({ state: 'synced' }),
      view({ state: 'not_synced' }),
      view({ state: 'pending' }),
      view({ state: 'failed', lastError: { code: 'x', message: 'Vendor not mapped', hint: 'Map it' } }),
      view({ state: 'unknown', counterpart: null }),
      cellView({ kind: 'loading' }),
      cellView({ kind: 'error', code: 'service_unreachable', message: 'Sync service unreachable' }),
    ];
    expect(new Set(views.map((v) => v.icon)).size).toBe(views.length);
    expect(views.every((v) => v.label.length > 0)).toBe(true);
  });

  it('names the counterpart of a synced record', () => {
    expect(view({ state: 'synced' }).label).toBe('Synced with Xero BILL-0318');
  });

  it('says which fields differ for a record that is not synced', () => {
    const differences = [
      { field: 'amount', label: 'Amount', here: '$1', there: '$2' },
      { field: 'tax', label: 'Tax', here: '$0.10', there: '$0.20' },
    ];
    expect(view({ state: 'not_synced', differences })).toMatchObject({ label: 'Not synced', detail: 'amount, tax differ from Xero BILL-0318' });
    expect(view({ state: 'not_synced', counterpart: null }).detail).toBe('Not in the other system yet');
  });

  it("shows a failure's message and its hint", () => {
    const failed = view({ state: 'failed', lastError: { code: 'vendor_not_mapped', message: 'Vendor Acme is not mapped.', hint: 'Map Acme first.' } });
    expect(failed).toMatchObject({ icon: 'warning', label: 'Sync failed: Vendor Acme is not mapped.', detail: 'Map Acme first.', tone: 'bad' });
  });

  it('passes on why the status is unavailable', () => {
    expect(cellView({ kind: 'error', code: 'token_rejected', message: 'Sign in again in Options.' })).toMatchObject({
      icon: 'offline',
      detail: 'Sign in again in Options.',
    });
  });
});
