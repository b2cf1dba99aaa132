import { describe, expect, it } from 'vitest';
import { exampleStatus } from '../contract/examples';
import type { RecordStatus } from '../contract/status';
import { cellView } from './cell-state';


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
