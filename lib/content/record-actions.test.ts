import { describe, expect, it, vi } from 'vitest';
import { exampleStatus } from '../contract/examples';
import { recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
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
