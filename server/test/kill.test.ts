// Issue 9's fault matrix, the service's own row: the service process killed (SIGKILL) in the middle
// of a batch ingestion and in the middle of job completions, then started again on the same data.
// Nothing may be half-written, and every push job must end exactly once.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INGEST_ITEMS } from '../../lib/contract/api';
import type { RecordRef } from '../../lib/contract/records';
import { type Database, type DatabaseLocation, openDatabase, queryRows } from '../src/db/connect';
import { lockDataDir } from '../src/db/data-dir-lock';
import { apiClient, type Client, createTestTenant, engines } from './harness';
import { key, procoreCost, xeroBill } from './refs';
import { RESTARTS_TIMEOUT, type ServiceProcess, startServiceProcess, stopServiceProcess, tempDataDir } from './service-process';

const BATCH = MAX_INGEST_ITEMS;
/** When the process is killed, as fractions of how long a report of as many new records took. */
const INGESTION_KILL_POINTS = [0.2, 0.5, 0.8];
const JOBS = 30;
/** How many completions have been answered when the process is killed. */
const COMPLETION_KILL_POINTS = [1, JOBS / 2];
/** The shortest lease the contract allows. */
const LEASE_SECONDS = 5;

/** Calls `read` until `done` holds for its answer, or a minute has passed; returns the last answer. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The statuses of many records, in requests of at most 500. */
async function statesOf(api: Client, refs: RecordRef[]): Promise<string[]> {
  const states: string[] = [];
  for (let i = 0; i < refs.length; i += 500) {
    const { status, body } = await api.post('/v1/statuses/lookup', { refs: refs.slice(i, i + 500) });
    expect(status).toBe(200);
    states.push(...body.statuses.map((s: { state: string }) => s.state));
  }
  return states;
}

/** Every record the change feed shows after a cursor, and the cursor it ends on. */
async function changesAfter(api: Client, after: string): Promise<{ keys: string[]; cursor: string }> {
  const keys: string[] = [];
  let cursor = after;
  for (;;) {
    const { body } = await api.get(`/v1/changes?after=${cursor}&limit=1000`);
    keys.push(...body.changes.map((c: { key: string }) => c.key));
    cursor = body.cursor;
    if (!body.hasMore) return { keys, cursor };
  }
}

const latestCursor = async (api: Client): Promise<string> => (await api.get('/v1/changes?after=latest')).body.cursor;

/** The tenant's change number is the newest change its records carry, and each record shows once in the feed. */
async function expectChangeFeedConsistent(api: Client) {
  const all = await changesAfter(api, '0');
  expect(all.cursor).toBe(await latestCursor(api));
  expect(new Set(all.keys).size).toBe(all.keys.length);
  return all.keys;
}

interface ClaimedJob {
  id: string;
  ref: RecordRef;
  leaseExpiresAt: string;
}

/** Each job as the service shows it: its own state, its record's status, and the outcomes in the record's history. */
async function jobViews(api: Client, jobs: ClaimedJob[]) {
  const { body } = await api.post('/v1/statuses/lookup', { refs: jobs.map((job) => job.ref) });
  return Promise.all(
    jobs.map(async (job, i) => {
      const [state, history] = await Promise.all([api.get(`/v1/jobs/${job.id}`), api.post('/v1/records/history', { ref: job.ref })]);
      const outcomes = history.body.events.filter((e: { jobId: string | null; kind: string }) => e.jobId === job.id && ['synced', 'failed'].includes(e.kind));
      return { job: state.body, status: body.statuses[i], outcomes };
    }),
  );
}

/** Nothing half-written: a job has ended exactly when its record shows the outcome and its history holds it once. */
function expectWhole({ job, status, outcomes }: Awaited<ReturnType<typeof jobViews>>[number]) {
  if (job.state === 'succeeded') {
    expect(status).toMatchObject({ state: 'synced', activeJobId: null, counterpart: job.counterpart });
    expect(outcomes).toHaveLength(1);
  } else {
    expect(job.state).toBe('running');
    expect(status).toMatchObject({ state: 'pending', activeJobId: job.id });
    expect(outcomes).toHaveLength(0);
  }
}

const succeededWith = (n: number, worker: string) => ({
  result: 'succeeded',
  counterpart: { ref: xeroBill(), number: `BILL-${worker}-${n}` },
});

// The engines run side by side, and beside the next suite (each test waits on restarts and leases);
// one engine's tests take turns.
describe.concurrent.each(engines)('fault matrix: the service process killed (SIGKILL) on %s', (engine) => {
  let location: DatabaseLocation;
  let env: Record<string, string>;
  let service: ServiceProcess;
  const start = async () => {
    service = await startServiceProcess(env);
  };
  /** Reads the address at each call: every start listens on a new port. */
  const clientOf = (token: string) => apiClient((path, init) => fetch(`${service.url}${path}`, init), token);

  /** Opens the database in this process; with the embedded engine, only while the service is stopped. */
  async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(location);
    try {
      return await use(database.db);
    } finally {
      await database.close();
    }
  }

  let ingestTenants: { tenantId: string; api: Client }[];
  let jobTenants: Client[];

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL as string;
    const dataDir = tempDataDir();
    location = engine === 'postgres' ? { databaseUrl: url } : { dataDir };
    env = engine === 'postgres' ? { DATABASE_URL: url } : { DATA_DIR: dataDir };
    // Written before the service starts: the embedded database admits one process at a time.
    const tenants = await withDatabase((db) =>
      Promise.all(
        Array.from({ length: INGESTION_KILL_POINTS.length + COMPLETION_KILL_POINTS.length }, (_, i) => createTestTenant(db, `Kill test ${i}`)),
      ),
    );
    const clients = tenants.map(({ tenantId, all }) => ({ tenantId, api: clientOf(all.token) }));
    ingestTenants = clients.slice(0, INGESTION_KILL_POINTS.length);
    jobTenants = clients.slice(INGESTION_KILL_POINTS.length).map((c) => c.api);
  });
  afterEach(async () => {
    // Unset when the first start failed.
    if (service) await stopServiceProcess(service.child, 'SIGKILL');
  });

  it.sequential('keeps a batch ingestion killed midway all or nothing, and stores it once when sent again', { timeout: 2 * RESTARTS_TIMEOUT }, async () => {
    await start();
    let cutOff = 0;
    for (const [i, fraction] of INGESTION_KILL_POINTS.entries()) {
      const { api } = ingestTenants[i] as (typeof ingestTenants)[number];
      const refs = Array.from({ length: BATCH }, () => procoreCost());
      const counterparts = refs.map(() => xeroBill());
      const batch = { records: refs.map((ref, n) => ({ ref, state: 'synced', counterpart: { ref: counterparts[n], number: `BILL-${n}` } })) };
      // The records are first reported not synced. That report is about as heavy as the batch, so
      // how long it took here, now, places the kill points.
      const began = Date.now();
      expect((await api.post('/v1/ingest', { records: refs.map((ref, n) => ({ ref, state: 'not_synced', number: `DC-${n}` })) })).status).toBe(200);
      const length = Date.now() - began;
      const cursorBefore = await latestCursor(api);

      const answer = api.post('/v1/ingest', batch).then(
        ({ status }) => status,
        () => 'cut off' as const,
      );
      await new Promise((resolve) => setTimeout(resolve, fraction * length)); // the kill point itself, not a wait for something
      await stopServiceProcess(service.child, 'SIGKILL');
      const answered = await answer;
      if (answered === 'cut off') cutOff++;
      else expect(answered, 'an answer before the kill is the whole batch').toBe(200);
      await start();

      const states = await statesOf(api, refs);
      const stored = states[0] === 'synced';
      expect(new Set(states), `kill at ${fraction} of ${length} ms: every record old or every record new`).toEqual(new Set([stored ? 'synced' : 'not_synced']));
      if (answered === 200) expect(stored).toBe(true);
      expect(new Set(await statesOf(api, counterparts))).toEqual(new Set([stored ? 'synced' : 'unknown']));
      const since = await changesAfter(api, cursorBefore);
      expect(since.keys).toHaveLength(stored ? 2 * BATCH : 0);
      expect(await expectChangeFeedConsistent(api)).toHaveLength(stored ? 2 * BATCH : BATCH);

      expect((await api.post('/v1/ingest', batch)).body).toEqual({ records: BATCH, events: 0 });
      expect(new Set(await statesOf(api, [...refs, ...counterparts]))).toEqual(new Set(['synced']));
      expect(await expectChangeFeedConsistent(api)).toHaveLength(2 * BATCH);
    }
    expect(cutOff, 'at least one kill came while the batch was in flight').toBeGreaterThan(0);

    // What the API does not show: each record's history holds each report once, and the change
    // numbers in the tables agree.
    await stopServiceProcess(service.child, 'SIGTERM');
    await withDatabase(async (db) => {
      for (const { tenantId } of ingestTenants) {
        const [tenant] = await queryRows<{ records: number; newest: number; change_seq: number }>(
          db,
          sql`select (select count(*)::int from records where tenant_id = ${tenantId}) as records,
                     (select max(seq)::int from records where tenant_id = ${tenantId}) as newest,
                     change_seq::int from tenants where id = ${tenantId}`,
        );
        expect(tenant?.records).toBe(2 * BATCH);
        expect(tenant?.newest).toBe(tenant?.change_seq);
        const events = await queryRows<{ kind: string; records: number; events: number }>(
          db,
          sql`select kind, count(distinct record_key)::int as records, count(*)::int as events
              from record_events where tenant_id = ${tenantId} group by kind order by kind`,
        );
        expect(events).toEqual([
          { kind: 'reported', records: BATCH, events: BATCH },
          { kind: 'synced', records: BATCH, events: BATCH },
        ]);
      }
    });
  });

  it.sequential('ends every job exactly once when killed amid completions: the finished stay finished, the others come back when their lease runs out', { timeout: 2 * RESTARTS_TIMEOUT }, async () => {
    await start();
    let retried = 0;
    for (const [i, killAfter] of COMPLETION_KILL_POINTS.entries()) {
      const api = jobTenants[i] as Client;
      const refs = Array.from({ length: JOBS }, () => procoreCost());
      expect((await api.post('/v1/pushes', { pushes: refs.map((ref, n) => ({ ref, idempotencyKey: key(n) })) })).status).toBe(200);
      const claim = async (workerId: string): Promise<ClaimedJob[]> =>
        (await api.post('/v1/worker/jobs/claim', { workerId, limit: JOBS, leaseSeconds: LEASE_SECONDS })).body.jobs;
      const jobs = await claim('worker-1');
      expect(jobs).toHaveLength(JOBS);
      const firstOutcomes = new Map(jobs.map((job, n) => [job.id, succeededWith(n, '1')]));

      // Every completion at once; the process dies when `killAfter` of them have been answered.
      const acknowledged = new Set<string>();
      let killing: Promise<void> | undefined;
      await Promise.all(
        jobs.map((job) =>
          api.post(`/v1/worker/jobs/${job.id}/complete`, { workerId: 'worker-1', outcome: firstOutcomes.get(job.id) }).then(
            ({ status }) => {
              expect(status).toBe(200);
              acknowledged.add(job.id);
              if (acknowledged.size === killAfter) killing = stopServiceProcess(service.child, 'SIGKILL');
            },
            () => undefined, // cut off by the kill: the worker cannot know whether it was written
          ),
        ),
      );
      await killing;
      await start();

      const afterRestart = await jobViews(api, jobs);
      afterRestart.forEach(expectWhole);
      const finished = new Set(afterRestart.filter((v) => v.job.state === 'succeeded').map((v) => v.job.id as string));
      for (const id of acknowledged) expect(finished, 'an answered completion survives the kill').toContain(id);
      const unfinished = jobs.filter((job) => !finished.has(job.id)).map((job) => job.id);
      retried += unfinished.length;

      // The unfinished come back to the next claim once their lease runs out, and nothing else does.
      const leaseEnds = Math.max(...jobs.map((job) => Date.parse(job.leaseExpiresAt)));
      const retaken = await until(
        () => claim('worker-2'),
        (answer) => answer.length > 0 || Date.now() > leaseEnds + 1_000,
      );
      expect(retaken.map((job) => job.id).sort()).toEqual([...unfinished].sort());
      expect(await claim('worker-3')).toEqual([]);
      const secondOutcomes = new Map(retaken.map((job, n) => [job.id, succeededWith(n, '2')]));
      for (const job of retaken) {
        const done = await api.post(`/v1/worker/jobs/${job.id}/complete`, { workerId: 'worker-2', outcome: secondOutcomes.get(job.id) });
        expect(done.body).toMatchObject({ state: 'succeeded', attempts: 2, counterpart: { number: secondOutcomes.get(job.id)?.counterpart.number } });
      }

      // The first worker, unsure which of its completions were written, sends them all again.
      for (const job of jobs) {
        const again = await api.post(`/v1/worker/jobs/${job.id}/complete`, { workerId: 'worker-1', outcome: firstOutcomes.get(job.id) });
        if (finished.has(job.id)) {
          expect(again.body).toMatchObject({ state: 'succeeded', attempts: 1, counterpart: { number: firstOutcomes.get(job.id)?.counterpart.number } });
          const contrary = await api.post(`/v1/worker/jobs/${job.id}/complete`, {
            workerId: 'worker-1',
            outcome: { result: 'failed', error: { code: 'late', message: 'A second ending', hint: 'None' } },
          });
          expect([contrary.status, contrary.body.code]).toEqual([409, 'job_already_finished']);
        } else {
          expect([again.status, again.body.code]).toEqual([409, 'lease_lost']);
        }
      }

      const atEnd = await jobViews(api, jobs);
      atEnd.forEach(expectWhole);
      expect(new Set(atEnd.map((v) => v.job.state))).toEqual(new Set(['succeeded']));
      for (const { job } of atEnd) {
        const winner = (finished.has(job.id) ? firstOutcomes : secondOutcomes).get(job.id);
        expect(job.counterpart.number).toBe(winner?.counterpart.number);
      }
      await expectChangeFeedConsistent(api);
    }
    expect(retried, 'at least one completion was cut off before it was written').toBeGreaterThan(0);
    await stopServiceProcess(service.child, 'SIGTERM');
  });
});

describe.concurrent('fault matrix: the service process killed (SIGKILL), then its process id taken by another process', () => {
  it('lets the next start have the data folder: the lock the dead service left is recognised as stale', { timeout: RESTARTS_TIMEOUT }, async () => {
    const dataDir = tempDataDir();
    const crashed = await startServiceProcess({ DATA_DIR: dataDir });
    await stopServiceProcess(crashed.child, 'SIGKILL');
    // Process ids come round again (Linux has 32,768 by default; a restarted container starts from
    // 1), so the dead service's id may be a live process's by now. This test's parent stands in.
    const lockFile = path.join(dataDir, 'service.lock');
    writeFileSync(lockFile, readFileSync(lockFile, 'utf8').replace(String(crashed.child.pid), String(process.ppid)));
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('fault matrix: PostgreSQL ends the service’s connections (a restart, a fail-over)', () => {
  it('goes on answering: the ended connections are dropped and the next query opens another', async () => {
    // Its own application name, so that only this pool's connections are ended, not other tests'.
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.searchParams.set('application_name', 'erp-sync-ended-connections');
    const database = await openDatabase({ databaseUrl: url.toString() });
    const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL as string });
    try {
      await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`))); // several idle connections
      const ended = await queryRows<{ ended: boolean }>(
        admin.db,
        sql`select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = 'erp-sync-ended-connections'`,
      );
      expect(ended.length).toBeGreaterThan(0);
      // A query may still meet a connection the pool has not yet heard was ended; the next one opens another.
      const oneQuery = () => queryRows<{ one: number }>(database.db, sql`select 1 as one`).then((rows) => rows[0]?.one, () => 'failed');
      await expect.poll(oneQuery).toBe(1);
    } finally {
      await database.close();
      await admin.close();
    }
  });
});
