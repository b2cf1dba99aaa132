// Pushes, from the click to their end. The request is written down before it is sent (so a worker
// stopped in between sends it again, under the same idempotency key, when it starts), the job is
// written down when the service answers, and followed until it succeeded or failed; the fresh
// status then goes to every open page. Nothing depends on the service worker staying alive: a
// browser alarm is kept while pushes are open, and a starting worker picks them up.
import { type RecordRef, recordKey } from '../contract/records';
import type { Job, RecordStatus } from '../contract/status';
import { BackgroundError, retryAfterMs } from '../messaging/errors';
import type { InspectorDatabase } from './database';
import type { ServiceClient } from './service-client';

export interface PushTrackerOptions {
  client: Pick<ServiceClient, 'push' | 'job' | 'lookup'>;
  db: InspectorDatabase;
  /** Caches fresh statuses and sends them to every open page. */
  publish: (statuses: RecordStatus[]) => Promise<void>;
  /** Keeps a browser alarm while pushes are open, so a stopped worker wakes up to finish them. */
  keepAwake: (on: boolean) => void;
  log: (error: unknown, context: Record<string, unknown>) => void;
  /** How often open pushes are asked after, while the worker runs. */
  pollMs?: number;
  now?: () => number;
  later?: (run: () => void, ms: number) => void;
}

/** A push the integration has not finished in this long is given up on (and said so in the audit log). */
export const GIVE_UP_AFTER_MS = 60 * 60_000;

const isFinished = (job: Pick<Job, 'state'>) => job.state === 'succeeded' || job.state === 'failed';

/** Failures that pass (the service is away or busy): the push is sent again; any other is a refusal. */
const passing = (error: unknown) =>
  !(error instanceof BackgroundError) || ['service_unreachable', 'timeout', 'rate_limited', 'service_error'].includes(error.code);

export function createPushTracker({
  client,
  db,
  publish,
  keepAwake,
  log,
  pollMs = 1_000,
  now = Date.now,
  later = (run, ms) => setTimeout(run, ms),
}: PushTrackerOptions) {
  let polling: Promise<void> | null = null;
  let again = false;
  let scheduled = false;
  /** When a rate limit lets the service be asked again: no round goes sooner. */
  let busyUntil = 0;
  /** Notes what a failure from the service asks of the next round. */
  const heard = (error: unknown) => (busyUntil = Math.max(busyUntil, now() + retryAfterMs(error)));

  async function audit(ref: RecordRef, outcome: string, message?: string) {
    await db.audit.add({ at: now(), action: 'push', key: recordKey(ref), ref, outcome, message }).catch((error: unknown) => log(error, { step: 'audit push' }));
  }

  /** Writes down why a push was not sent. */
  const auditFailure = (ref: RecordRef, error: unknown) =>
    audit(ref, error instanceof BackgroundError ? error.code : 'failed', error instanceof Error ? error.message : String(error));

  /** Fresh statuses for these records to every page; a failure here only delays them (the feed and the pages ask again). */
  async function tellPages(refs: RecordRef[]) {
    if (refs.length === 0) return;
    try {
      await publish(await client.lookup(refs));
    } catch (error) {
      heard(error);
      log(error, { step: 'statuses after push' });
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    later(
      () => {
        scheduled = false;
        void poll();
      },
      Math.max(pollMs, busyUntil - now()),
    );
  }

  /** Asks after every open push; a call made while a round runs gets one more round after it. */
  function poll(): Promise<void> {
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      do {
        again = false;
        await pollOnce().catch((error: unknown) => log(error, { step: 'follow pushes' }));
      } while (again);
    })().finally(() => (polling = null));
    return polling;
  }

  /**
   * Sends again what was asked for but not heard back about (the service was away, or a stopped
   * worker never heard its answer). Its pages hear of it like of a push sent at once.
   */
  async function sendUnanswered() {
    for (const request of await db.requests.toArray()) {
      try {
        await track(request.ref, request.idempotencyKey);
      } catch (error) {
        heard(error);
        if (passing(error)) continue;
        await db.requests.delete(request.idempotencyKey);
        await auditFailure(request.ref, error);
        continue;
      }
      await tellPages([request.ref]);
    }
  }

  async function pollOnce() {
    // A round woken sooner (by the alarm) than a rate limit allows waits for the next.
    if (now() < busyUntil) return schedule();
    await sendUnanswered();
    const open = await db.pushes.where('state').anyOf('queued', 'running').toArray();
    const ended: RecordRef[] = [];
    for (const tracked of open) {
      let job: Job;
      try {
        job = await client.job(tracked.jobId);
      } catch (error) {
        heard(error);
        const gone = error instanceof BackgroundError && error.code === 'not_found';
        if (gone || now() - tracked.startedAt > GIVE_UP_AFTER_MS) {
          await db.pushes.update(tracked.jobId, { state: 'failed', finishedAt: now() });
          await audit(tracked.ref, gone ? 'not_found' : 'given_up', error instanceof Error ? error.message : String(error));
          ended.push(tracked.ref);
        }
        continue; // unreachable service, rate limit...: asked again next round
      }
      if (!isFinished(job)) {
        if (job.state !== tracked.state) await db.pushes.update(tracked.jobId, { state: job.state });
        continue;
      }
      await db.pushes.update(tracked.jobId, { state: job.state, finishedAt: now() });
      await audit(tracked.ref, job.state, job.error?.message);
      ended.push(tracked.ref);
    }
    await tellPages(ended);
    const remaining = open.length - ended.length + (await db.requests.count());
    keepAwake(remaining > 0);
    if (remaining > 0) schedule();
  }

  /** Queues the push (or hears of the one the same key already queued) and writes its job down. */
  async function track(ref: RecordRef, idempotencyKey: string): Promise<Job> {
    const [job] = (await client.push([{ ref, idempotencyKey }])) as [Job];
    await db.transaction('rw', db.pushes, db.requests, db.audit, async () => {
      await db.requests.delete(idempotencyKey);
      if (await db.pushes.get(job.id)) return;
      const finished = isFinished(job);
      await db.pushes.put({ jobId: job.id, key: recordKey(ref), ref, state: job.state, startedAt: now(), finishedAt: finished ? now() : undefined });
      await db.audit.add({ at: now(), action: 'push', key: recordKey(ref), ref, outcome: 'queued' });
      // Its first answer was lost and the job has ended since: its end is not followed, so written down now.
      if (finished) await db.audit.add({ at: now(), action: 'push', key: recordKey(ref), ref, outcome: job.state, message: job.error?.message });
    });
    return job;
  }

  return {
    /**
     * Queues a push of one record. The same idempotency key (the same click seen twice, or two tabs
     * showing the same version of the record) gives the same job: a record is never pushed twice.
     */
    async push(ref: RecordRef, idempotencyKey: string): Promise<Job> {
      await db.requests.put({ idempotencyKey, ref, at: now() });
      keepAwake(true);
      let job: Job;
      try {
        job = await track(ref, idempotencyKey);
      } catch (error) {
        await auditFailure(ref, error);
        heard(error);
        schedule();
        if (!passing(error)) {
          await db.requests.delete(idempotencyKey);
          throw error;
        }
        // Not sent for a passing reason (unreachable...): it stays written down, is sent again, and the user hears so.
        const { code, retryAfterSeconds } = error instanceof BackgroundError ? error : { code: 'internal_error', retryAfterSeconds: undefined };
        throw new BackgroundError(code, `${error instanceof Error ? error.message : String(error)} The re-sync is kept and will be sent once the service answers.`, retryAfterSeconds);
      }
      schedule();
      await tellPages([ref]);
      return job;
    },

    /** Picks up open pushes, e.g. when the worker starts again or its alarm rings. */
    resume: () => poll(),
  };
}

export type PushTracker = ReturnType<typeof createPushTracker>;
