// Batch status look-up and the change feed: the two reads the extension makes most.
import { and, asc, eq, gt } from 'drizzle-orm';
import { type RecordRef, recordKey } from '../../../lib/contract/records';
import type { RecordStatus } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { records } from '../db/schema';
import { findRecords, mergeRefs, statusOf } from './records';

/** One status per reference, in the order asked; one indexed query for the whole batch. */
export async function lookupStatuses(db: Database, tenantId: string, refs: RecordRef[]): Promise<RecordStatus[]> {
  const keys = refs.map(recordKey);
  const rows = await findRecords(db, tenantId, [...new Set(keys)]);
  return refs.map((ref, i) => {
    const row = rows.get(keys[i] ?? '');
    return statusOf(row ? mergeRefs(row.ref, ref) : ref, row);
  });
}

/** Records changed after a cursor, oldest change first, with their current status. */
export async function changesSince(db: Database, tenantId: string, after: number, limit: number) {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, tenantId), gt(records.seq, after)))
    .orderBy(asc(records.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    changes: page.map((row) => statusOf(row.ref, row)),
    cursor: String(page.at(-1)?.seq ?? after),
    hasMore: rows.length > limit,
  };
}
