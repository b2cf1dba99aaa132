import { describe, expect, it } from 'vitest';
import { exampleStatus } from '../contract/examples';
import type { RecordStatus } from '../contract/status';
import { cellActions, cellFacts, cellView } from './cell-state';


const view = (changes: Partial<RecordStatus>) => cellView({ kind: 'status', status: exampleStatus(changes) });

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

describe('cellActions', () => {
  const actionsOf = (changes: Partial<RecordStatus>, extra: object = {}) => cellActions({ kind: 'status', status: exampleStatus(changes), ...extra });

  it('offers re-sync only for a record that is not synced or failed, not locked and not being pushed', () => {
    expect(actionsOf({ state: 'not_synced' }).push).not.toBeNull();
    expect(actionsOf({ state: 'failed', lastError: { code: 'x_y', message: 'm', hint: 'h' } }).push).not.toBeNull();
    expect(actionsOf({ state: 'synced' }).push).toBeNull();
    expect(actionsOf({ state: 'pending' }).push).toBeNull();
    expect(actionsOf({ state: 'not_synced', lock: { locked: true, by: 'Dana', at: null, reason: null } }).push).toBeNull();
    expect(actionsOf({ state: 'not_synced', activeJobId: '0b0e7a52-8f0c-4a43-9d1e-6a8f5d2c1b3a' }).push).toBeNull();
    expect(cellActions({ kind: 'loading' }).push).toBeNull();
  });

  it('offers lock or unlock on known Procore records only, and the view arrow where there is a counterpart', () => {
    expect(actionsOf({ state: 'synced' }).lock).toMatchObject({ kind: 'lock' });
    expect(actionsOf({ state: 'synced', lock: { locked: true, by: 'Dana', at: null, reason: null } }).lock).toMatchObject({ kind: 'unlock' });
    expect(actionsOf({ state: 'unknown' }).lock).toBeNull();
    const xero = exampleStatus({ ref: { system: 'xero', recordType: 'bill', recordId: '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f' } });
    expect(cellActions({ kind: 'status', status: xero }).lock).toBeNull();
    expect(actionsOf({ counterpart: null }).view).toBeNull();
    const withCounterpart = actionsOf({
      counterpart: { ref: { system: 'xero', recordType: 'bill', recordId: '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f' }, number: 'BILL-0318', url: null },
    });
    expect(withCounterpart.view).toEqual({
      url: 'https://go.xero.com/AccountsPayable/Edit.aspx?InvoiceID=3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f',
      label: 'Open BILL-0318 in Xero',
    });
  });
});

describe('cellFacts', () => {
  it('says who locked it and when, what differs with both values, when it last synced, and why an action was refused', () => {
    const facts = cellFacts(
      {
        kind: 'status',
        problem: 'The record is locked.',
        stale: true,
        status: exampleStatus({
          lock: { locked: true, by: 'Dana Ortiz', at: '2026-11-20T09:00:00.000Z', reason: 'Month end' },
          differences: [{ field: 'amount', label: 'Amount', here: '$10.00', there: null }],
          lastSyncedAt: '2026-11-19T08:00:00.000Z',
        }),
      },
      (iso) => iso.slice(0, 10),
    );
    expect(facts).toEqual([
      'The record is locked.',
      'Locked by Dana Ortiz on 2026-11-20: Month end',
      expect.stringMatching(/^Amount: \$10\.00 here, none in /),
      'Last synced 2026-11-19',
      'Shown from memory while the sync service is asked again',
    ]);
  });
});
