// Pushes, from the click to their end. A queued push is written down before anything else, then
// followed until the service says it succeeded or failed; the fresh status then goes to every
// open page. Nothing depends on the service worker staying alive: a browser alarm is kept while
// pushes are open, and a restarted worker picks them up from the database.
import { type RecordRef, recordKey } from '../contract/records';
import type { Job, RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import type { InspectorDatabase } from './database';
import type { ServiceClient } from './service-client';

export interface PushTrackerOptions {
  client: Pick<ServiceClient, 'push' | 'job' | 'lookup'>;
  db: InspectorDatabase;
  /** Caches fresh statuses and sends them to every open page. */
  publish: (statuses: RecordStatus[]) => Promise<void>;
  /** Keeps a browser alarm while pushes are open, so a stopped worker wakes up to finish them. */
  keepAwake: (on: boolean) => void;
  /** How often open pushes are asked after, while the worker runs. */
  pollMs?: number;
  now?: () => number;
  later?: (run: () => void, ms: number) => void;
}

const isFinished = (job: Pick<Job, 'state'>) => job.state === 'succeeded' || job.state === 'failed';

export function createPushTracker({
  client,
  db,
  publish,
  keepAwake,
  pollMs = 1_000,
  now = Date.now,
  later = (run, ms) => setTimeout(run, ms),
}: PushTrackerOptions) {
  let polling: Promise<void> | null = null;
  let scheduled = false;

  async function audit(ref: RecordRef, outcome: string, message?: string) {
    await db.audit.add({ at: now(), action: 'push', key: recordKey(ref), ref, outcome, message });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    later(() => {
      scheduled = false;
      void poll();
    }, pollMs);
  }

  /** Asks after every open push once; schedules the next round while any remain. */
  function poll(): Promise<void> {
    polling ??= pollOnce().finally(() => (polling = null));
    return polling;
  }

  async function pollOnce() {
    const open = await db.pushes.where('state').anyOf('queued', 'running').toArray();
    const ended: RecordRef[] = [];
    for (const tracked of open) {
      let job: Job;
      try {
        job = await client.job(tracked.jobId);
      } catch (error) {
        if (error instanceof BackgroundError && error.code === 'not_found') {
          await db.pushes.update(tracked.jobId, { state: 'failed', finishedAt: now() });
          await audit(tracked.ref, 'not_found', error.message);
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
    if (ended.length > 0) await publish(await client.lookup(ended)).catch(() => undefined);
    const remaining = open.length - ended.length;
    keepAwake(remaining > 0);
    if (remaining > 0) schedule();
  }

  return {
    /**
     * Queues a push of one record. The same idempotency key (the same click seen twice, or two tabs
     * showing the same version of the record) gives the same job: a record is never pushed twice.
     */
    async push(ref: RecordRef, idempotencyKey: string): Promise<Job> {
      let job: Job;
      try {
        [job] = (await client.push([{ ref, idempotencyKey }])) as [Job];
      } catch (error) {
        await audit(ref, error instanceof BackgroundError ? error.code : 'failed', error instanceof Error ? error.message : undefined);
        throw error;
      }
      const known = await db.pushes.get(job.id);
      if (!known) {
        await db.pushes.put({ jobId: job.id, key: recordKey(ref), ref, state: job.state, startedAt: now() });
        await audit(ref, 'queued');
      }
      await publish(await client.lookup([ref]));
      if (!isFinished(job)) {
        keepAwake(true);
        schedule();
      }
      return job;
    },

    /** Picks up open pushes, e.g. when the worker starts again or its alarm rings. */
    resume: () => poll(),
  };
}

export type PushTracker = ReturnType<typeof createPushTracker>;
