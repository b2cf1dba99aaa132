// The sandbox integration worker: for demos and tests only, it plays the integration engine. It
// claims push jobs of every tenant, waits a while, and completes them with a plausible counterpart
// in the other system, or fails them the way a real push would.
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { type RecordRef, recordKey } from '../../lib/contract/records';
import type { SyncError } from '../../lib/contract/status';
import type { Database } from './db/connect';
import { records } from './db/schema';
import { claimJobs, completeJob } from './store/jobs';
import { findRecords } from './store/records';

export interface SandboxOptions {
  /** How long a push takes. */
  delayMs: number;
  /** The share of pushes that fail for a reason outside the bookkeeper's control (0 to 1). */
  failureRate: number;
  /** How often to look for new jobs. */
  pollMs?: number;
  /** Only this tenant's jobs; every tenant's by default. */
  tenantId?: string;
  log?: (message: string) => void;
}

/** Unique per process: several service instances may each run a sandbox worker. */
const WORKER_ID = `sandbox-worker-${process.pid}-${randomUUID().slice(0, 8)}`;
const SANDBOX_ACTOR = 'Sandbox integration';

type Outcome = Parameters<typeof completeJob>[5];

export function startSandboxWorker(db: Database, options: SandboxOptions): { stop(): Promise<void> } {
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (!stopped) {
      try {
        const jobs = await claimJobs(db, {
          workerId: WORKER_ID,
          limit: 50,
          leaseSeconds: 60,
          actor: SANDBOX_ACTOR,
          tenantId: options.tenantId,
        });
        for (const job of jobs) {
          const run = finishLater(db, job, options).finally(() => inFlight.delete(run));
          inFlight.add(run);
        }
      } catch (error) {
        options.log?.(`sandbox worker: could not claim jobs: ${String(error)}`);
      }
      await sleep(options.pollMs ?? 200);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await Promise.allSettled(inFlight);
    },
  };
}

async function finishLater(db: Database, job: { id: string; tenantId: string; ref: RecordRef }, options: SandboxOptions) {
  await sleep(options.delayMs);
  try {
    const outcome = await decide(db, job.tenantId, job.ref, options.failureRate);
    await completeJob(db, job.tenantId, SANDBOX_ACTOR, job.id, WORKER_ID, outcome);
  } catch (error) {
    options.log?.(`sandbox worker: job ${job.id}: ${String(error)}`);
  }
}

async function decide(db: Database, tenantId: string, ref: RecordRef, failureRate: number): Promise<Outcome> {
  const own = (await findRecords(db, tenantId, [recordKey(ref)])).get(recordKey(ref));
  // A push blocked by something missing (an unmapped vendor) keeps failing until that is fixed.
  if (own?.lastError?.blockedBy) return { result: 'failed', error: own.lastError };
  if (Math.random() < failureRate) return { result: 'failed', error: rejected(ref) };
  if (own?.counterpart) {
    const { ref: other, number, url } = own.counterpart;
    return { result: 'succeeded', counterpart: { ref: other, number: number ?? undefined, url: url ?? undefined } };
  }
  const counterpart = await newCounterpart(db, tenantId, ref);
  if (!counterpart) {
    return {
      result: 'failed',
      error: {
        code: 'project_not_mapped',
        message: 'No Procore project is mapped to this organisation, so there is nowhere to create the record.',
        hint: 'Map the organisation to a Procore project in the integration settings, then re-sync.',
      },
    };
  }
  return { result: 'succeeded', counterpart: { ref: counterpart, number: numberFor(counterpart) } };
}

function rejected(ref: RecordRef): SyncError {
  const other = ref.system === 'procore' ? 'The accounting system' : 'Procore';
  return {
    code: 'erp_rejected',
    message: `${other} rejected the record: account code 400 is archived.`,
    hint: 'Choose an active account code on the record, then re-sync.',
  };
}

/**
 * The system and account a record's counterpart belongs in, judged like the integration would: by
 * where other records of the same Procore project (or the same organisation) are already linked.
 */
async function linkedAccount(db: Database, tenantId: string, ref: RecordRef): Promise<RecordRef | undefined> {
  const sameAccount =
    ref.system === 'procore'
      ? sql`${records.ref}->>'projectId' = ${ref.projectId}`
      : ref.system === 'zoho_books'
        ? sql`${records.ref}->>'organizationId' = ${ref.organizationId}`
        : sql`true`;
  const [row] = await db
    .select({ counterpart: records.counterpart })
    .from(records)
    .where(and(eq(records.tenantId, tenantId), eq(records.system, ref.system), isNotNull(records.counterpart), sameAccount))
    .limit(1);
  return row?.counterpart?.ref;
}

/** The record created on the other side: in the project's accounting system, or the organisation's project. */
async function newCounterpart(db: Database, tenantId: string, ref: RecordRef): Promise<RecordRef | null> {
  const linked = await linkedAccount(db, tenantId, ref);
  if (ref.system === 'procore') {
    const recordType = ref.recordType === 'owner_invoice' ? 'invoice' : 'bill';
    if (linked?.system === 'zoho_books') {
      const { organizationId, host } = linked;
      return { system: 'zoho_books', recordType, organizationId, host, recordId: `52549620000${digits(8)}` };
    }
    const shortCode = linked?.system === 'xero' ? linked.shortCode : undefined;
    return { system: 'xero', recordType, shortCode, recordId: randomUUID() };
  }
  if (linked?.system !== 'procore') return null;
  const { projectId, companyId, host } = linked;
  const recordType = ref.recordType === 'invoice' ? 'owner_invoice' : 'direct_cost';
  return { system: 'procore', recordType, projectId, companyId, host, recordId: `5981343${digits(8)}` };
}

function numberFor(ref: RecordRef): string | undefined {
  if (ref.system === 'procore') return undefined;
  return `${ref.recordType === 'invoice' ? 'INV' : 'BILL'}-${digits(4)}`;
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
