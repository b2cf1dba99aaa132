// Push jobs: queued by the extension, claimed by an integration worker under a lease, completed
// with a counterpart or a structured failure. Every job ends exactly once; a worker that dies
// loses its lease and the job goes to the next claim.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { completeRequestSchema, pushRequestSchema } from '../../../lib/contract/api';
import { recordUrl } from '../../../lib/contract/deep-links';
import { recordKey, systemLabels } from '../../../lib/contract/records';
import type { Counterpart, Job, SyncError } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { jobs, records } from '../db/schema';
import { notFound, Refusal } from '../errors';
import {
  addEvents,
  counterpartOf,
  findRecords,
  lockTenant,
  mergeRefs,
  type NewEvent,
  newRecordRow,
  type RecordRow,
  saveRecords,
  type Transaction,
} from './records';

type JobRow = typeof jobs.$inferSelect;
type Pushes = z.output<typeof pushRequestSchema>['pushes'];
type Outcome = z.output<typeof completeRequestSchema>['outcome'];

/** After this many claims whose lease ran out, a job is failed rather than handed out again. */
export const MAX_ATTEMPTS = 5;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    ref: row.ref,
    state: row.state as Job['state'],
    force: row.force,
    attempts: row.attempts,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    error: row.error,
    counterpart: row.counterpart,
  };
}

const activeJobStates = ['queued', 'running'];

/** Queues pushes. All or nothing: one refused push (locked, already synced) refuses the batch. */
export async function queuePushes(db: Database, tenantId: string, actor: string, pushes: Pushes): Promise<Job[]> {
  return db.transaction((tx) => queueInTransaction(tx, tenantId, actor, pushes));
}

async function queueInTransaction(tx: Transaction, tenantId: string, actor: string, pushes: Pushes): Promise<Job[]> {
  await lockTenant(tx, tenantId);
  const keys = [...new Set(pushes.map((p) => recordKey(p.ref)))];
  // Records the service has not seen yet get their row now, so the job can point at it.
  await tx
    .insert(records)
    .values(pushes.map((p) => newRecordRow(tenantId, p.ref)))
    .onConflictDoNothing();
  const rows = await findRecords(tx, tenantId, keys);
  const idempotencyKeys = pushes.map((p) => p.idempotencyKey);
  const earlier = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.tenantId, tenantId), inArray(jobs.idempotencyKey, idempotencyKeys)));
  const byIdempotencyKey = new Map(earlier.map((job) => [job.idempotencyKey, job]));
  const active = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.tenantId, tenantId), inArray(jobs.recordKey, keys), inArray(jobs.state, activeJobStates)));
  const activeByRecord = new Map(active.map((job) => [job.recordKey, job]));

  const answer: JobRow[] = [];
  const created: JobRow[] = [];
  const refusals: { index: number; key: string; code: string; message: string }[] = [];
  const now = new Date();
  pushes.forEach((push, index) => {
    const key = recordKey(push.ref);
    const prior = byIdempotencyKey.get(push.idempotencyKey);
    if (prior) {
      if (prior.recordKey === key) answer.push(prior);
      else refusals.push({ index, key, code: 'idempotency_key_reused', message: `idempotencyKey ${push.idempotencyKey} was used for another record.` });
      return;
    }
    const inFlight = activeByRecord.get(key);
    if (inFlight) {
      answer.push(inFlight); // a second tab or a double click joins the push already in flight
      return;
    }
    const row = rows.get(key) as RecordRow;
    const refusal = pushRefusal(row, push.force ?? false);
    if (refusal) {
      refusals.push({ index, key, ...refusal });
      return;
    }
    const job: JobRow = {
      id: randomUUID(),
      tenantId,
      recordKey: key,
      ref: mergeRefs(row.ref, push.ref),
      idempotencyKey: push.idempotencyKey,
      force: push.force ?? false,
      state: 'queued',
      attempts: 0,
      requestedBy: actor,
      leaseOwner: null,
      leaseExpiresAt: null,
      error: null,
      counterpart: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    created.push(job);
    activeByRecord.set(key, job);
    byIdempotencyKey.set(push.idempotencyKey, job);
    answer.push(job);
  });

  if (refusals.length > 0) {
    const codes = new Set(refusals.map((r) => r.code));
    const only = refusals.length === 1 ? refusals[0] : undefined;
    throw new Refusal(
      codes.has('idempotency_key_reused') ? 422 : 409,
      codes.size === 1 ? (refusals[0]?.code ?? 'push_refused') : 'push_refused',
      only ? only.message : `${refusals.length} of ${pushes.length} pushes were refused; nothing was queued.`,
      { refusals },
    );
  }
  if (created.length > 0) {
    await tx.insert(jobs).values(created);
    const changed = created.map((job) => ({ ...(rows.get(job.recordKey) as RecordRow), ref: job.ref, activeJobId: job.id }));
    await saveRecords(tx, tenantId, changed);
    await addEvents(
      tx,
      created.map((job) => ({
        tenantId,
        recordKey: job.recordKey,
        kind: 'pushed',
        actor,
        summary: job.force ? 'Push requested (forced, although synced)' : 'Push requested',
        jobId: job.id,
      })),
    );
  }
  return answer.map(jobOf);
}

function pushRefusal(row: RecordRow, force: boolean): { code: string; message: string } | null {
  if (row.lockedAt) {
    return {
      code: 'record_locked',
      message: `${row.number ?? 'This record'} is locked by ${row.lockedBy ?? 'someone'}: unlock it before pushing.`,
    };
  }
  if (row.state === 'synced' && !force) {
    return {
      code: 'already_synced',
      message: `${row.number ?? 'This record'} is already synced. Push with force to send it again.`,
    };
  }
  return null;
}

export async function getJob(db: Database, tenantId: string, id: string): Promise<Job> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.tenantId, tenantId), eq(jobs.id, id)));
  if (!row) throw notFound('The job');
  return jobOf(row);
}

interface ClaimOptions {
  workerId: string;
  limit?: number;
  leaseSeconds?: number;
  /** The tenant whose jobs to claim; the sandbox worker claims for every tenant. */
  tenantId?: string;
  actor: string;
}

/** Hands out queued jobs, and running jobs whose lease ran out, oldest first; skips rows others hold. */
export async function claimJobs(db: Database, options: ClaimOptions) {
  return db.transaction(async (tx) => {
    const expired = and(eq(jobs.state, 'running'), lt(jobs.leaseExpiresAt, sql`now()`));
    const tenant = options.tenantId ? eq(jobs.tenantId, options.tenantId) : undefined;
    await giveUpOnExhausted(tx, tenant, options.actor);
    const claimable = tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(tenant, or(eq(jobs.state, 'queued'), expired)))
      .orderBy(asc(jobs.createdAt))
      .limit(options.limit ?? 10)
      .for('update', { skipLocked: true });
    const claimed = await tx
      .update(jobs)
      .set({
        state: 'running',
        leaseOwner: options.workerId,
        leaseExpiresAt: sql`now() + make_interval(secs => ${options.leaseSeconds ?? 60})`,
        attempts: sql`${jobs.attempts} + 1`,
        updatedAt: sql`now()`,
      })
      .where(inArray(jobs.id, claimable))
      .returning();
    const numbers = new Map<string, string | null>();
    for (const tenantId of new Set(claimed.map((job) => job.tenantId))) {
      const keys = claimed.filter((job) => job.tenantId === tenantId).map((job) => job.recordKey);
      for (const [key, row] of await findRecords(tx, tenantId, keys)) numbers.set(`${tenantId}/${key}`, row.number);
    }
    return claimed
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((job) => ({
        ...jobOf(job),
        tenantId: job.tenantId,
        leaseExpiresAt: (job.leaseExpiresAt as Date).toISOString(),
        number: numbers.get(`${job.tenantId}/${job.recordKey}`) ?? null,
      }));
  });
}

async function giveUpOnExhausted(tx: Transaction, tenant: ReturnType<typeof eq> | undefined, actor: string) {
  const exhausted = await tx
    .select()
    .from(jobs)
    .where(
      and(tenant, eq(jobs.state, 'running'), lt(jobs.leaseExpiresAt, sql`now()`), sql`${jobs.attempts} >= ${MAX_ATTEMPTS}`),
    )
    .for('update', { skipLocked: true });
  for (const job of exhausted) {
    await finishJob(tx, job, actor, {
      result: 'failed',
      error: {
        code: 'worker_gave_up',
        message: `The integration took this push ${job.attempts} times and never finished it.`,
        hint: 'Check that the integration is running, then re-sync.',
      },
    });
  }
}

/** Ends a claimed job once. Repeating the same completion is answered as before; a different one is refused. */
export async function completeJob(db: Database, tenantId: string, actor: string, jobId: string, workerId: string, outcome: Outcome) {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, tenantId), eq(jobs.id, jobId)))
      .for('update');
    if (!job) throw notFound('The job');
    if (job.state === 'queued') throw new Refusal(409, 'job_not_claimed', 'Claim this job before completing it.');
    if (job.leaseOwner !== workerId) {
      throw new Refusal(409, 'lease_lost', 'The lease on this job ran out and another worker took it; drop this result.');
    }
    if (job.state === 'succeeded' || job.state === 'failed') {
      if (sameOutcome(job, outcome)) return jobOf(job);
      throw new Refusal(409, 'job_already_finished', `This job already ${job.state}; it cannot end twice.`);
    }
    if (outcome.result === 'succeeded' && outcome.counterpart.ref.system === job.ref.system) {
      throw new Refusal(
        422,
        'counterpart_in_same_system',
        `A counterpart is the record in the other system, not another ${job.ref.system} record.`,
      );
    }
    return jobOf(await finishJob(tx, job, actor, outcome));
  });
}

function sameOutcome(job: JobRow, outcome: Outcome): boolean {
  if (outcome.result === 'failed') return job.state === 'failed' && job.error?.code === outcome.error.code;
  return job.state === 'succeeded' && job.counterpart !== null && recordKey(job.counterpart.ref) === recordKey(outcome.counterpart.ref);
}

/** Ends a job; the caller holds the job's row, and the tenant is locked next (always in that order). */
async function finishJob(tx: Transaction, job: JobRow, actor: string, outcome: Outcome): Promise<JobRow> {
  await lockTenant(tx, job.tenantId);
  const now = new Date();
  const counterpart: Counterpart | null =
    outcome.result === 'succeeded'
      ? {
          ref: outcome.counterpart.ref,
          number: outcome.counterpart.number ?? null,
          url: outcome.counterpart.url ?? recordUrl(outcome.counterpart.ref),
        }
      : null;
  const error: SyncError | null = outcome.result === 'failed' ? outcome.error : null;
  const [finished] = await tx
    .update(jobs)
    .set({ state: outcome.result, counterpart, error, finishedAt: now, updatedAt: now })
    .where(eq(jobs.id, job.id))
    .returning();

  const keys = counterpart ? [job.recordKey, recordKey(counterpart.ref)] : [job.recordKey];
  const rows = await findRecords(tx, job.tenantId, keys);
  const record = rows.get(job.recordKey) ?? newRecordRow(job.tenantId, job.ref);
  const events: NewEvent[] = [];
  const changed: RecordRow[] = [];
  if (counterpart) {
    const synced: RecordRow = {
      ...record,
      state: 'synced',
      counterpart,
      lastSyncedAt: now,
      lastError: null,
      differences: [],
      activeJobId: record.activeJobId === job.id ? null : record.activeJobId,
    };
    const otherKey = recordKey(counterpart.ref);
    const other = rows.get(otherKey) ?? newRecordRow(job.tenantId, counterpart.ref);
    changed.push(synced, { ...other, number: counterpart.number ?? other.number, url: counterpart.url ?? other.url, state: 'synced', counterpart: counterpartOf(synced), lastSyncedAt: now, lastError: null, differences: [] });
    const where = `${systemLabels[counterpart.ref.system]}${counterpart.number ? ` as ${counterpart.number}` : ''}`;
    events.push({ tenantId: job.tenantId, recordKey: job.recordKey, kind: 'synced', actor, summary: `Pushed to ${where}`, jobId: job.id });
  } else {
    changed.push({ ...record, state: 'failed', lastError: error, activeJobId: record.activeJobId === job.id ? null : record.activeJobId });
    events.push({ tenantId: job.tenantId, recordKey: job.recordKey, kind: 'failed', actor, summary: `Push failed: ${error?.message ?? ''}`, error, jobId: job.id });
  }
  await saveRecords(tx, job.tenantId, changed);
  await addEvents(tx, events);
  return finished as JobRow;
}
