// Failed records grouped by record type and error code, with counts, examples and, where a
// failure is caused by something else (an unmapped vendor, a missing cost code), that cause named.
// Grouping and counting happen in the database, so a tenant with many failures costs a few rows.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordTypeLabel, type System } from '../../../lib/contract/records';
import { type Database, queryRows } from '../db/connect';
import { records } from '../db/schema';

const EXAMPLES_PER_GROUP = 20;
const MAX_GROUPS = 100;
const MAX_BLOCKERS = 50;

const errorCode = sql`coalesce(${records.lastError}->>'code', 'unknown_error')`;

export async function errorSummary(db: Database, tenantId: string) {
  const failed = and(eq(records.tenantId, tenantId), eq(records.state, 'failed'));
  const groups = await queryRows<{ system: System; recordType: string; code: string; count: number }>(
    db,
    sql`select ${records.system} as system, ${records.recordType} as "recordType", ${errorCode} as code, count(*)::int as count
        from ${records} where ${failed}
        group by 1, 2, 3 order by 4 desc, 2 limit ${MAX_GROUPS}`,
  );
  const described = await Promise.all(
    groups.map((group) => {
      const inGroup = and(failed, eq(records.system, group.system), eq(records.recordType, group.recordType), sql`${errorCode} = ${group.code}`);
      return describeGroup(db, group, inGroup as SQL);
    }),
  );
  const [total] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from ${records} where ${failed}`);
  return { total: total?.count ?? 0, groups: described };
}

async function describeGroup(db: Database, group: { system: System; recordType: string; code: string; count: number }, inGroup: SQL) {
  const examples = await db.select().from(records).where(inGroup).orderBy(desc(records.updatedAt)).limit(EXAMPLES_PER_GROUP);
  const blockers = await queryRows<{ kind: string; name: string; count: number }>(
    db,
    sql`select ${records.lastError}->'blockedBy'->>'kind' as kind, ${records.lastError}->'blockedBy'->>'name' as name, count(*)::int as count
        from ${records} where ${inGroup} and ${records.lastError}->'blockedBy' is not null
        group by 1, 2 order by 3 desc, 2 limit ${MAX_BLOCKERS}`,
  );
  const error = examples[0]?.lastError;
  const label = recordTypeLabel(group.system, group.recordType);
  return {
    ...group,
    label,
    message: error?.message ?? 'The integration did not say why.',
    hint: error?.hint ?? 'Ask the integration administrator.',
    explanation: explain(label, group.count, error?.message, blockers),
    blockers,
    records: examples.map((row) => ({ ref: row.ref, key: row.key, number: row.number, url: row.url, message: row.lastError?.message ?? '' })),
  };
}

/** "3 Procore direct costs could not be pushed because the vendor they need could not be matched ...: Acme (2), Bolt (1)." */
function explain(label: string, count: number, message: string | undefined, blockers: { kind: string; name: string; count: number }[]) {
  const subject = count === 1 ? `1 ${label}` : `${count} ${label}s`;
  if (blockers.length === 0) return `${subject} failed: ${message ?? 'no reason given'}`;
  const kinds = [...new Set(blockers.map((b) => b.kind.replaceAll('_', ' ')))].join(' or ');
  const names = blockers.map((b) => `${b.name} (${b.count})`).join(', ');
  const they = count === 1 ? 'it needs' : 'they need';
  return `${subject} could not be pushed because the ${kinds} ${they} could not be matched in the other system: ${names}. Fix those first, then re-sync.`;
}
