// What the cell's buttons do: ask the background to push, lock or unlock, show the outcome on the
// cell at once, and say plainly on the cell why a refused action did not happen.
import { type RecordRef, recordKey } from '../contract/records';
import { callBackground } from '../messaging/client';
import type { StatusStore } from './status-store';

/** Each action answers whether the background took it; a refusal is said on the record's cell. */
export interface RecordActions {
  push(ref: RecordRef): Promise<boolean>;
  lock(ref: RecordRef): Promise<boolean>;
  unlock(ref: RecordRef, reason?: string): Promise<boolean>;
  /** Opens the side panel on the record: its history, what differs, and the same actions. */
  showInPanel(ref: RecordRef): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRecordActions(store: StatusStore, call: typeof callBackground = callBackground): RecordActions {
  /** Runs an action; a refusal puts the record back as it was and says why on its cell. */
  async function act(ref: RecordRef, work: () => Promise<void>): Promise<boolean> {
    const key = recordKey(ref);
    const before = store.get(key);
    store.showProblem(key, null);
    try {
      await work();
      return true;
    } catch (error) {
      if (before.kind === 'status') store.apply([before.status]);
      store.showProblem(key, messageOf(error));
      store.recheck(ref); // the refusal may mean the record changed (locked, pushed elsewhere)
      return false;
    }
  }

  return {
    push: (ref) =>
      act(ref, async () => {
        const shown = store.get(recordKey(ref));
        const version = shown.kind === 'status' ? shown.status.updatedAt : null;
        store.showPending(recordKey(ref));
        await call('pushRecord', { ref, version });
        // The job's end arrives through the background's update port.
      }),
    lock: (ref) =>
      act(ref, async () => {
        store.apply([(await call('lockRecord', { ref })).status]);
      }),
    unlock: (ref, reason) =>
      act(ref, async () => {
        store.apply([(await call('unlockRecord', { ref, reason: reason || undefined })).status]);
      }),
    // Sent at once, within the click: the browser opens a side panel only in answer to a gesture.
    showInPanel: (ref) =>
      call('showInPanel', { ref }).then(
        () => store.showProblem(recordKey(ref), null),
        (error: unknown) => store.showProblem(recordKey(ref), messageOf(error)),
      ),
  };
}
