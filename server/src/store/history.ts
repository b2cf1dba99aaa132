// The history of one record: what happened to it, who did it and when, newest first.
import { and, desc, eq } from 'drizzle-orm';
import { type RecordRef, recordKey } from '../../../lib/contract/records';
import type { RecordEvent } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { recordEvents } from '../db/schema';
import { lookupStatuses } from './lookup';

export async function recordHistory(db: Database, tenantId: string, ref: RecordRef, limit: number) {
  const [status] = await lookupStatuses(db, tenantId, [ref]);
  if (!status) throw new Error('A look-up of one reference returned no status');
  const rows = await db
    .select()
    .from(recordEvents)
    .where(and(eq(recordEvents.tenantId, tenantId), eq(recordEvents.recordKey, recordKey(ref))))
    .orderBy(desc(recordEvents.id))
    .limit(limit);
  const events: RecordEvent[] = rows.map((row) => ({
    id: String(row.id),
    kind: row.kind as RecordEvent['kind'],
    actor: row.actor,
    at: row.at.toISOString(),
    summary: row.summary,
    error: row.error,
    differences: row.differences,
    jobId: row.jobId,
  }));
  return { status, events };
}
