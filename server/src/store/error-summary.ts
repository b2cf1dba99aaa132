// Failed records grouped by record type and error code, with counts, examples and, where a
// failure is caused by something else (an unmapped vendor, a missing cost code), that cause named.
import { and, eq } from 'drizzle-orm';
import { recordTypeLabel, type System } from '../../../lib/contract/records';
import type { Database } from '../db/connect';
import { records } from '../db/schema';
import type { RecordRow } from './records';

const EXAMPLES_PER_GROUP = 20;

export async function errorSummary(db: Database, tenantId: string) {
  const failed = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, tenantId), eq(records.state, 'failed')));
  const groups = new Map<string, RecordRow[]>();
  for (const row of failed) {
    const id = `${row.system}/${row.recordType}/${row.lastError?.code ?? 'unknown_error'}`;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  const summary = [...groups.values()].map(describeGroup).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { total: failed.length, groups: summary };
}

function describeGroup(rows: RecordRow[]) {
  const first = rows[0] as RecordRow;
  const error = first.lastError;
  const label = recordTypeLabel(first.system as System, first.recordType);
  const blockers = countBlockers(rows);
  return {
    system: first.system as System,
    recordType: first.recordType,
    label,
    code: error?.code ?? 'unknown_error',
    count: rows.length,
    message: error?.message ?? 'The integration did not say why.',
    hint: error?.hint ?? 'Ask the integration administrator.',
    explanation: explain(label, rows.length, error?.message, blockers),
    blockers,
    records: rows.slice(0, EXAMPLES_PER_GROUP).map((row) => ({
      ref: row.ref,
      key: row.key,
      number: row.number,
      url: row.url,
      message: row.lastError?.message ?? '',
    })),
  };
}

function countBlockers(rows: RecordRow[]) {
  const counts = new Map<string, { kind: string; name: string; count: number }>();
  for (const blocker of rows.flatMap((row) => (row.lastError?.blockedBy ? [row.lastError.blockedBy] : []))) {
    const id = `${blocker.kind}\u0000${blocker.name}`;
    const entry = counts.get(id) ?? { ...blocker, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
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
