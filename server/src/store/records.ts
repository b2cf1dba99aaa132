// Reading and writing record rows: the status a row shows, loading rows to change them, and saving
// them with the tenant's next change numbers so the change feed sees every write.
import { and, eq, sql } from 'drizzle-orm';
import { recordUrl } from '../../../lib/contract/deep-links';
import { type RecordRef, recordKey } from '../../../lib/contract/records';
import type { Counterpart, FieldDifference, RecordStatus } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { recordEvents, records, tenants } from '../db/schema';

export type RecordRow = typeof records.$inferSelect;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Queryable = Database | Transaction;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The columns a status is made of: what a look-up reads, and nothing more. */
export type StatusRow = Pick<
  RecordRow,
  | 'key'
  | 'state'
  | 'number'
  | 'url'
  | 'counterpart'
  | 'lockedBy'
  | 'lockedAt'
  | 'lockReason'
  | 'lastSyncedAt'
  | 'lastError'
  | 'differences'
  | 'activeJobId'
  | 'updatedAt'
>;

/** A status's columns with its times as ISO 8601 text, as a look-up reads them from the database. */
export type StatusFields = Omit<StatusRow, 'lockedAt' | 'lastSyncedAt' | 'updatedAt'> & {
  lockedAt: string | null;
  lastSyncedAt: string | null;
  updatedAt: string;
};

/** What the extension and integrations see of a record; a record the service never heard of is "unknown". */
export function statusOf(ref: RecordRef, row: StatusRow | undefined): RecordStatus {
  return statusFrom(ref, row && { ...row, lockedAt: iso(row.lockedAt), lastSyncedAt: iso(row.lastSyncedAt), updatedAt: row.updatedAt.toISOString() });
}

/** The same, from a status's columns as a look-up reads them (its times already text). */
export function statusFrom(ref: RecordRef, fields: StatusFields | undefined): RecordStatus {
  if (!fields) {
    return {
      ref,
      key: recordKey(ref),
      state: 'unknown',
      number: null,
      url: recordUrl(ref),
      counterpart: null,
      lock: { locked: false, by: null, at: null, reason: null },
      lastSyncedAt: null,
      lastError: null,
      differences: [],
      activeJobId: null,
      updatedAt: null,
    };
  }
  return {
    ref,
    key: fields.key,
    state: fields.activeJobId ? 'pending' : (fields.state as RecordStatus['state']),
    number: fields.number,
    url: fields.url,
    counterpart: fields.counterpart,
    lock: { locked: fields.lockedAt !== null, by: fields.lockedBy, at: fields.lockedAt, reason: fields.lockReason },
    lastSyncedAt: fields.lastSyncedAt,
    lastError: fields.lastError,
    differences: fields.differences,
    activeJobId: fields.activeJobId,
    updatedAt: fields.updatedAt,
  };
}

/** A row for a record the service has not seen before: not synced, not locked. */
export function newRecordRow(tenantId: string, ref: RecordRef): RecordRow {
  return {
    tenantId,
    key: recordKey(ref),
    ref,
    system: ref.system,
    recordType: ref.recordType,
    number: null,
    url: recordUrl(ref),
    state: 'not_synced',
    counterpart: null,
    lockedBy: null,
    lockedAt: null,
    lockReason: null,
    lastSyncedAt: null,
    lastError: null,
    differences: [],
    activeJobId: null,
    seq: 0,
    updatedAt: new Date(),
  };
}

/** References carry optional details (host, company, contract); keep what either side knows. */
export function mergeRefs(stored: RecordRef, given: RecordRef): RecordRef {
  return { ...stored, ...given };
}

/** Rows by key. A writer reads them after lockTenant, which already keeps other writers out. */
export async function findRecords(db: Queryable, tenantId: string, keys: string[]) {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, tenantId), sql`${records.key} = ANY(${sql.param(keys)})`));
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * Every write transaction starts here: holding the tenant's row serialises the tenant's writes,
 * so a record that does not exist yet (which FOR UPDATE cannot lock) is never created twice or
 * overwritten by a concurrent write, and change numbers follow commit order.
 */
export async function lockTenant(tx: Transaction, tenantId: string): Promise<void> {
  const [row] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
}

/** Takes the tenant's next `count` change numbers (the caller holds the tenant row, see lockTenant). */
async function nextSeqs(tx: Transaction, tenantId: string, count: number): Promise<number> {
  const [row] = await tx
    .update(tenants)
    .set({ changeSeq: sql`${tenants.changeSeq} + ${count}` })
    .where(eq(tenants.id, tenantId))
    .returning({ last: tenants.changeSeq });
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
  return row.last - count + 1;
}

/** Inserts or replaces whole rows, each with a new change number. */
export async function saveRecords(tx: Transaction, tenantId: string, rows: RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const first = await nextSeqs(tx, tenantId, rows.length);
  const now = new Date();
  const values = rows.map((row, i) => ({ ...row, tenantId, seq: first + i, updatedAt: now }));
  const excluded = (column: string) => sql.raw(`excluded."${column}"`);
  await tx
    .insert(records)
    .values(values)
    .onConflictDoUpdate({
      target: [records.tenantId, records.key],
      set: {
        ref: excluded('ref'),
        number: excluded('number'),
        url: excluded('url'),
        state: excluded('state'),
        counterpart: excluded('counterpart'),
        lockedBy: excluded('locked_by'),
        lockedAt: excluded('locked_at'),
        lockReason: excluded('lock_reason'),
        lastSyncedAt: excluded('last_synced_at'),
        lastError: excluded('last_error'),
        differences: excluded('differences'),
        activeJobId: excluded('active_job_id'),
        seq: excluded('seq'),
        updatedAt: excluded('updated_at'),
      },
    });
}

export type NewEvent = typeof recordEvents.$inferInsert;

export async function addEvents(tx: Transaction, events: NewEvent[]): Promise<void> {
  if (events.length > 0) await tx.insert(recordEvents).values(events);
}

/** The other side of a link, seen from the counterpart: same pair, values swapped. */
export function mirrorDifferences(differences: FieldDifference[]): FieldDifference[] {
  return differences.map((d) => ({ ...d, here: d.there, there: d.here }));
}

export function counterpartOf(row: RecordRow): Counterpart {
  return { ref: row.ref, number: row.number, url: row.url };
}
