import { describe, expect, it, vi } from 'vitest';
import { exampleStatus } from '../contract/examples';
import { recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import { resyncNotSynced } from './page-report';
import { createRecordActions } from './record-actions';
import { createStatusStore } from './status-store';

describe('row actions', () => {
  it('shows a push as pending at once, with the version the user saw, and a refusal on the cell with the record as it was', async () => {
    const status = exampleStatus({ state: 'not_synced', updatedAt: '2026-11-22T09:00:00.000Z' });
    const locked: RecordStatus = { ...status, lock: { locked: true, by: 'Dana Ortiz', at: null, reason: null } };
    const fetch = vi.fn().mockResolvedValueOnce({ statuses: [status] }).mockResolvedValue({ statuses: [locked] });
    const store = createStatusStore(fetch, { schedule: (run) => run(), now: () => 0 });
    store.want(status.ref);
    await vi.waitFor(() => expect(store.get(status.key)).toMatchObject({ kind: 'status' }));

    const seen: string[] = [];
    store.subscribe(status.key, () => {
      const known = store.get(status.key);
      if (known.kind === 'status') seen.push(known.status.state);
    });
    const call = vi.fn().mockRejectedValue(new BackgroundError('record_locked', 'Dana Ortiz locked this record.'));
    await createRecordActions(store, call as never).push(status.ref);
    expect(call).toHaveBeenCalledWith('pushRecord', { ref: status.ref, version: '2026-11-22T09:00:00.000Z' });
    expect(seen.slice(0, 2)).toEqual(['pending', 'not_synced']); // at once, then back as it was
    expect(store.get(recordKey(status.ref))).toMatchObject({ problem: 'Dana Ortiz locked this record.' });
    // Asked again: the lock shows, and the reason stays while the record is not synced.
    await vi.waitFor(() => expect(store.get(status.key)).toMatchObject({ status: { lock: { locked: true } }, problem: 'Dana Ortiz locked this record.' }));
  });

  it('asks for the side panel within the click, and says on the cell when it could not open', async () => {
    const status = exampleStatus({ state: 'synced' });
    const store = createStatusStore(vi.fn().mockResolvedValue({ statuses: [status] }), { schedule: (run) => run(), now: () => 0 });
    store.want(status.ref);
    await vi.waitFor(() => expect(store.get(status.key)).toMatchObject({ kind: 'status' }));
    const call = vi.fn().mockRejectedValueOnce(new BackgroundError('background_unreachable', 'The extension was updated: reload the page.')).mockResolvedValue({ openedIn: 'side-panel' });
    const actions = createRecordActions(store, call as never);

    const asked = actions.showInPanel(status.ref);
    expect(call).toHaveBeenCalledWith('showInPanel', { ref: status.ref }); // sent before anything is awaited
    await asked;
    expect(store.get(status.key)).toMatchObject({ problem: 'The extension was updated: reload the page.' });
    await actions.showInPanel(status.ref);
    expect(store.get(status.key)).toMatchObject({ problem: undefined });
  });
});

describe("the popup's re-sync of every row not synced", () => {
  it('counts as queued only the pushes the background took', async () => {
    const rows = [
      exampleStatus({ state: 'not_synced', key: 'procore/direct_cost/1/11', ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '11' } }),
      exampleStatus({ state: 'failed', key: 'procore/direct_cost/1/12', ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '12' } }),
      exampleStatus({ state: 'synced', key: 'procore/direct_cost/1/13', ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '13' } }),
    ];
    const store = createStatusStore(vi.fn().mockResolvedValue({ statuses: rows }), { schedule: (run) => run(), now: () => 0 });
    for (const row of rows) store.want(row.ref);
    await vi.waitFor(() => expect(store.get(rows[2]!.key)).toMatchObject({ kind: 'status' }));
    // The second is refused, as a record locked meanwhile would be.
    const call = vi.fn(async (_method: string, { ref }: { ref: { recordId: string } }) => {
      if (ref.recordId === '12') throw new BackgroundError('record_locked', 'Dana Ortiz locked this record.');
      return { job: {} };
    });
    const actions = createRecordActions(store, call as never);
    const column = { records: () => rows.map((row) => row.ref), unmount: () => undefined };
    const page = { site: 'procore', kind: 'procore_direct_costs', title: 'Direct Costs', scope: {} } as never;

    await expect(resyncNotSynced({ store, actions, current: () => ({ page, column }) })).resolves.toEqual({ queued: 1, refused: 1 });
    expect(call).toHaveBeenCalledTimes(2); // the synced row is not pushed
  });
});
