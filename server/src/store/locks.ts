// Locking a Procore record against edits once it is in the books, and unlocking it.
import { isLockable, type RecordRef, recordKey, recordTypeLabel } from '../../../lib/contract/records';
import type { RecordStatus } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { Refusal } from '../errors';
import { addEvents, findRecords, lockTenant, mergeRefs, newRecordRow, type RecordRow, saveRecords, statusOf } from './records';

export async function lockRecord(db: Database, tenantId: string, actor: string, ref: RecordRef, reason?: string) {
  if (!isLockable(ref)) {
    throw new Refusal(
      422,
      'not_lockable',
      `A ${recordTypeLabel(ref.system, ref.recordType)} cannot be locked: only Procore direct costs and invoices can.`,
    );
  }
  return changeLock(db, tenantId, ref, async (row) => {
    if (row.activeJobId) {
      throw new Refusal(409, 'push_in_flight', 'A push of this record is under way: lock it once the push has finished.');
    }
    if (row.lockedAt) {
      throw new Refusal(409, 'already_locked', `Already locked by ${row.lockedBy ?? 'someone'} on ${row.lockedAt.toISOString()}.`, {
        lockedBy: row.lockedBy,
        lockedAt: row.lockedAt.toISOString(),
      });
    }
    return {
      row: { ...row, lockedBy: actor, lockedAt: new Date(), lockReason: reason || null },
      event: { kind: 'locked', actor, summary: reason ? `Locked: ${reason}` : 'Locked against edits' },
    };
  });
}

export async function unlockRecord(db: Database, tenantId: string, actor: string, ref: RecordRef, reason?: string) {
  return changeLock(db, tenantId, ref, async (row) => {
    if (!row.lockedAt) throw new Refusal(409, 'not_locked', 'This record is not locked.');
    return {
      row: { ...row, lockedBy: null, lockedAt: null, lockReason: null },
      event: { kind: 'unlocked', actor, summary: reason ? `Unlocked: ${reason}` : 'Unlocked for editing' },
    };
  });
}

type LockChange = (row: RecordRow) => Promise<{
  row: RecordRow;
  event: { kind: 'locked' | 'unlocked'; actor: string; summary: string };
}>;

async function changeLock(db: Database, tenantId: string, ref: RecordRef, change: LockChange): Promise<RecordStatus> {
  return db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const key = recordKey(ref);
    const existing = (await findRecords(tx, tenantId, [key])).get(key);
    const before = existing ? { ...existing, ref: mergeRefs(existing.ref, ref) } : newRecordRow(tenantId, ref);
    const { row, event } = await change(before);
    await saveRecords(tx, tenantId, [row]);
    await addEvents(tx, [{ tenantId, recordKey: key, ...event }]);
    return statusOf(row.ref, row);
  });
}
