// The real sync-status service for browser tests: the same app as `npm run server`, served over
// HTTP on a free loopback port with a fresh embedded database per test worker. Each test gets
// its own tenant (tenants never see each other), seeded through the service's own code.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { IngestRecord, PushRequest } from '../lib/contract/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type RecordRef, recordKey } from '../lib/contract/records';
import { createApp } from '../server/src/app';
import { jobs, recordEvents } from '../server/src/db/schema';
import { startSandboxWorker } from '../server/src/sandbox-worker';
import { type OpenDatabase, openDatabase } from '../server/src/db/connect';
import { ingest } from '../server/src/store/ingest';
import { queuePushes } from '../server/src/store/jobs';
import { lockRecord } from '../server/src/store/locks';
import { lookupStatuses } from '../server/src/store/lookup';
import { createTenant, createToken, revokeToken } from '../server/src/store/tenants';

export interface RunningService {
  url: string;
  database: OpenDatabase;
  /** How many batch look-ups the service has answered so far. */
  lookups(): number;
  /**
   * Each of those look-ups: when it arrived (epoch ms, as a page's performance.timeOrigin + now()),
   * how many references it asked for, and their record keys.
   */
  lookupLog(): { at: number; refs: number; keys: string[] }[];
  /**
   * Holds every request to this path at the door, read but not handled, until released (each is
   * then handled as if it had just arrived) or dropped (never handled, as if lost on the way): a
   * slow or lossy network at the moment a test chooses.
   */
  hold(pathname: string): HeldRequests;
  /** Goes down: its port refuses connections and open ones are cut. Its data stays. */
  goDown(): Promise<void>;
  /** Comes back on the same address. */
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

export interface HeldRequests {
  /** How many have arrived and are held. */
  arrived(): number;
  release(): void;
  drop(): void;
}

/** How long the sandbox integration takes over a push: long enough to see it pending. */
export const SANDBOX_DELAY_MS = 1_500;

export async function startTestService({ rateLimitPerMinute = 100_000 } = {}): Promise<RunningService> {
  const database = await openDatabase({ inMemory: true });
  const app = createApp({ db: database.db, engine: database.engine, config: { rateLimitPerMinute, bodyLimitBytes: 4 << 20 } });
  let lookups = 0;
  const lookupLog: { at: number; refs: number; keys: string[] }[] = [];
  const countingFetch = (request: Request) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/v1/statuses/lookup') {
      lookups++;
      const entry = { at: performance.timeOrigin + performance.now(), refs: 0, keys: [] as string[] };
      lookupLog.push(entry);
      void request
        .clone()
        .json()
        .then((body: { refs?: RecordRef[] }) => {
          entry.refs = body.refs?.length ?? 0;
          entry.keys = body.refs?.map(recordKey) ?? [];
        })
        // A body that is not JSON, or not references, is the service's to refuse (400); its count stays 0.
        .catch(() => undefined);
    }
    return app.fetch(request);
  };
  const held = new Map<string, { count: number; outcome: Promise<'release' | 'drop'> }>();
  const door = async (request: Request) => {
    const hold = held.get(new URL(request.url).pathname);
    if (!hold) return countingFetch(request);
    // Read now: the client may be gone by the time it is answered, as after a cut connection.
    const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
    hold.count++;
    if ((await hold.outcome) === 'drop') return new Response(null, { status: 503 });
    return countingFetch(new Request(request.url, { method: request.method, headers: request.headers, body }));
  };
  const server = serve({ fetch: door, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    lookups: () => lookups,
    lookupLog: () => lookupLog.map((entry) => ({ ...entry, keys: [...entry.keys] })),
    hold(pathname) {
      let decide!: (outcome: 'release' | 'drop') => void;
      const hold = { count: 0, outcome: new Promise<'release' | 'drop'>((resolve) => (decide = resolve)) };
      held.set(pathname, hold);
      // The first decision stands: a later release (a test's clean-up) changes nothing.
      const end = (outcome: 'release' | 'drop') => {
        if (held.get(pathname) === hold) held.delete(pathname);
        decide(outcome);
      };
      return { arrived: () => hold.count, release: () => end('release'), drop: () => end('drop') };
    },
    async goDown() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
    async comeBack() {
      server.listen(port, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

export interface TestTenant {
  token: string;
  /**
   * Starts the simulated integration for this tenant: from now on its pushes are taken and
   * completed a moment later. Without it, a queued push stays pending.
   */
  runIntegration(): void;
  /** The push jobs the service holds for one record (what really reached it). */
  jobsOf(ref: RecordRef): Promise<{ state: string; idempotencyKey: string }[]>;
  /** The state the service holds for each record, in order ('unknown' for one never reported). */
  statesOf(refs: RecordRef[]): Promise<string[]>;
  /** Revokes the bookkeeper's token, as an administrator would. */
  revokeToken(): Promise<void>;
  /** Stops what the tenant started. */
  end(): Promise<void>;
  /** A token of the same tenant with only these scopes. */
  tokenWith(scopes: ('read' | 'push' | 'lock')[]): Promise<string>;
  /** Reports records as the integration would. */
  report(records: IngestRecord[]): Promise<void>;
  /** Queues pushes as a user of the extension would. */
  push(pushes: PushRequest['pushes']): Promise<void>;
  /** Locks a Procore record as a user of the extension would. */
  lock(ref: RecordRef): Promise<void>;
  /** Every push, lock and unlock asked of the tenant's records, oldest first: what users really made the service do. */
  actions(): Promise<{ kind: string; recordKey: string }[]>;
}

export async function newTenant(service: RunningService): Promise<TestTenant> {
  const { db } = service.database;
  const tenant = await createTenant(db, 'Harbour View Builders (test)');
  const { id: tokenId, token } = await createToken(db, tenant.id, 'Test bookkeeper', ['read', 'push', 'lock']);
  let integration: { stop(): Promise<void> } | null = null;
  return {
    token,
    runIntegration() {
      integration ??= startSandboxWorker(db, { tenantId: tenant.id, delayMs: SANDBOX_DELAY_MS, failureRate: 0, pollMs: 100 });
    },
    async end() {
      await integration?.stop();
    },
    jobsOf: (ref) =>
      db
        .select({ state: jobs.state, idempotencyKey: jobs.idempotencyKey })
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenant.id), eq(jobs.recordKey, recordKey(ref)))),
    statesOf: async (refs) => (await lookupStatuses(db, tenant.id, refs)).map((status) => status.state),
    async revokeToken() {
      await revokeToken(db, tenant.id, tokenId);
    },
    async tokenWith(scopes) {
      return (await createToken(db, tenant.id, 'Limited bookkeeper', scopes)).token;
    },
    async report(records) {
      await ingest(db, tenant.id, 'Test integration', { records });
    },
    async push(pushes) {
      await queuePushes(db, tenant.id, 'Test bookkeeper', pushes.map((p) => ({ ...p, force: p.force ?? false })));
    },
    async lock(ref) {
      await lockRecord(db, tenant.id, 'Test bookkeeper', ref);
    },
    actions: () =>
      db
        .select({ kind: recordEvents.kind, recordKey: recordEvents.recordKey })
        .from(recordEvents)
        .where(and(eq(recordEvents.tenantId, tenant.id), inArray(recordEvents.kind, ['pushed', 'locked', 'unlocked'])))
        .orderBy(asc(recordEvents.id)),
  };
}
