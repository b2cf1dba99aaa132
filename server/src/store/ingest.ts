// What an integration reports: the state of records, the links between them (a counterpart), and
// events for their history. One batch is one transaction: all of it is written, or none.
import type { z } from 'zod';
import type { ingestRequestSchema } from '../../../lib/contract/api';
import { recordUrl } from '../../../lib/contract/deep-links';
import { recordKey } from '../../../lib/contract/records';
import type { Counterpart } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import {
  addEvents,
  counterpartOf,
  findRecords,
  lockTenant,
  mergeRefs,
  mirrorDifferences,
  type NewEvent,
  newRecordRow,
  type RecordRow,
  saveRecords,
} from './records';

type IngestBody = z.output<typeof ingestRequestSchema>;
type ReportedRecord = NonNullable<IngestBody['records']>[number];

export async function ingest(db: Database, tenantId: string, actor: string, body: IngestBody) {
  const reports = body.records ?? [];
  const reportedEvents = body.events ?? [];
  return db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const keys = reports.flatMap((r) => (r.counterpart ? [recordKey(r.ref), recordKey(r.counterpart.ref)] : [recordKey(r.ref)]));
    const existing = await findRecords(tx, tenantId, [...new Set(keys)]);
    // Later reports in the batch see earlier ones: a record and its counterpart may both be reported.
    const changed = new Map<string, RecordRow>();
    const current = (key: string) => changed.get(key) ?? existing.get(key);
    const events: NewEvent[] = [];
    const now = new Date();

    for (const report of reports) {
      const key = recordKey(report.ref);
      const before = current(key);
      const row = applyReport(before ?? newRecordRow(tenantId, report.ref), report, now);
      changed.set(key, row);
      if (isNewInformation(before, row)) events.push(reportEvent(tenantId, actor, row));
      if (report.counterpart) {
        const otherKey = recordKey(report.counterpart.ref);
        const other = current(otherKey) ?? newRecordRow(tenantId, report.counterpart.ref);
        changed.set(otherKey, mirror(other, row));
      }
    }
    for (const event of reportedEvents) {
      events.push({
        tenantId,
        recordKey: recordKey(event.ref),
        kind: event.kind,
        actor,
        at: event.at ? new Date(event.at) : now,
        summary: event.summary,
        differences: event.differences ?? [],
      });
    }
    await saveRecords(tx, tenantId, [...changed.values()]);
    await addEvents(tx, events);
    return { records: reports.length, events: reportedEvents.length };
  });
}

function applyReport(row: RecordRow, report: ReportedRecord, now: Date): RecordRow {
  const ref = mergeRefs(row.ref, report.ref);
  const counterpart: Counterpart | null = report.counterpart
    ? {
        ref: report.counterpart.ref,
        number: report.counterpart.number ?? null,
        url: report.counterpart.url ?? recordUrl(report.counterpart.ref),
      }
    : row.counterpart;
  return {
    ...row,
    ref,
    number: report.number ?? row.number,
    url: report.url ?? row.url ?? recordUrl(ref),
    state: report.state,
    counterpart,
    lastSyncedAt: report.lastSyncedAt ? new Date(report.lastSyncedAt) : report.state === 'synced' ? now : row.lastSyncedAt,
    lastError: report.state === 'failed' ? (report.error ?? null) : null,
    differences: report.state === 'synced' ? [] : (report.differences ?? []),
  };
}

/** The counterpart shares the pair's state; its differences are the same, seen from its side. */
function mirror(other: RecordRow, row: RecordRow): RecordRow {
  return {
    ...other,
    number: row.counterpart?.number ?? other.number,
    url: row.counterpart?.url ?? other.url,
    state: row.state,
    counterpart: counterpartOf(row),
    lastSyncedAt: row.lastSyncedAt,
    lastError: row.lastError,
    differences: mirrorDifferences(row.differences),
  };
}

function isNewInformation(before: RecordRow | undefined, after: RecordRow): boolean {
  if (!before) return true;
  return (
    before.state !== after.state ||
    before.lastError?.code !== after.lastError?.code ||
    JSON.stringify(before.differences) !== JSON.stringify(after.differences) ||
    before.counterpart?.url !== after.counterpart?.url
  );
}

function reportEvent(tenantId: string, actor: string, row: RecordRow): NewEvent {
  const other = row.counterpart?.number ? ` (${row.counterpart.number})` : '';
  const summary =
    row.state === 'synced'
      ? `Reported synced with its counterpart${other}`
      : row.state === 'failed'
        ? `Reported failed: ${row.lastError?.message ?? 'no reason given'}`
        : row.differences.length > 0
          ? `Reported not synced: ${row.differences.map((d) => d.label).join(', ')} differ`
          : 'Reported not synced';
  return {
    tenantId,
    recordKey: row.key,
    kind: row.state === 'synced' ? 'synced' : row.state === 'failed' ? 'failed' : 'reported',
    actor,
    summary,
    error: row.lastError,
    differences: row.differences,
  };
}
