// The service as users run it: a separate process started by the same entry point as
// `npm run server`, configured by environment, talked to over HTTP.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { clientTypesFrom } from '../client/generate';
import { syncStatusClient } from '../client/index';
import { openDatabase, queryRows } from '../src/db/connect';
import { procoreCost, xeroBill } from './refs';
import { killServiceProcesses, RESTARTS_TIMEOUT, root, startServiceProcess as start, stopServiceProcess, tempDataDir } from './service-process';

afterEach(killServiceProcesses);

function admin(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

function createTenantWithToken(env: Record<string, string>) {
  const { status, output } = admin(env, 'create-tenant', 'Round Trip Builders', '--token', 'integration=read,push,lock,ingest');
  expect(status, output).toBe(0);
  return output.match(/: (sst_\S+)/)?.[1] as string;
}

describe('the service process on its embedded database', { timeout: RESTARTS_TIMEOUT }, () => {
  it('answers /healthz, serves its OpenAPI document and docs, and the committed client matches it', async () => {
    const { url } = await start({ DATA_DIR: tempDataDir() });
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', engine: 'pglite' });
    const document = await (await fetch(`${url}/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/statuses/lookup', '/v1/pushes', '/v1/ingest', '/v1/worker/jobs/claim', '/v1/changes']),
    );
    const committed = readFileSync(path.join(root, 'server/client/schema.d.ts'), 'utf8');
    expect(committed, 'server/client/schema.d.ts is stale: run npm run client:generate').toBe(await clientTypesFrom(document));
    const docs = await fetch(`${url}/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('/v1/statuses/lookup');
  });

  it('holds its data folder: a second instance refuses to start, and a killed one is taken over', async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir });
    await expect(start({ DATA_DIR: dataDir })).rejects.toThrow(/Another sync-status service \(process \d+\) is using/);
    await stopServiceProcess(first.child, 'SIGKILL');
    const second = await start({ DATA_DIR: dataDir });
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });

  it('refuses a bad setting with a message naming it', async () => {
    await expect(start({ PORT: 'eighty' })).rejects.toThrow(/Invalid configuration: PORT/);
    await expect(start({ DATA_CACHE_MB: '4096' })).rejects.toThrow(/Invalid configuration: DATA_CACHE_MB/);
  });

  it('gives the embedded database the page cache it is asked for', async () => {
    const database = await openDatabase({ dataDir: tempDataDir(), dataCacheMb: 48 });
    try {
      expect(await queryRows(database.db, sql`show shared_buffers`)).toEqual([{ shared_buffers: '48MB' }]);
    } finally {
      await database.close();
    }
  });

  it('completes a round trip with the generated client and the sandbox worker', async () => {
    const dataDir = tempDataDir();
    const token = createTenantWithToken({ DATA_DIR: dataDir });
    const { url } = await start({ DATA_DIR: dataDir, SANDBOX_WORKER: '1', SANDBOX_DELAY_MS: '100' });
    const api = syncStatusClient(url, token);
    const [cost, bill] = [procoreCost(), xeroBill()];

    const ingested = await api.POST('/v1/ingest', {
      body: { records: [{ ref: cost, state: 'not_synced', number: 'DC-77' }, { ref: procoreCost(), state: 'synced', counterpart: { ref: bill } }] },
    });
    expect(ingested.data).toEqual({ records: 2, events: 0 });

    const before = await api.POST('/v1/statuses/lookup', { body: { refs: [cost] } });
    expect(before.data?.statuses[0]?.state).toBe('not_synced');

    const pushed = await api.POST('/v1/pushes', { body: { pushes: [{ ref: cost, idempotencyKey: `round-trip-${Date.now()}` }] } });
    const jobId = pushed.data?.jobs[0]?.id as string;
    let job = pushed.data?.jobs[0];
    for (let i = 0; i < 50 && job?.state !== 'succeeded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await api.GET('/v1/jobs/{id}', { params: { path: { id: jobId } } })).data;
    }
    expect(job?.state).toBe('succeeded');
    expect(job?.counterpart?.ref.system).toBe('xero');

    const after = await api.POST('/v1/statuses/lookup', { body: { refs: [cost] } });
    expect(after.data?.statuses[0]).toMatchObject({ state: 'synced', counterpart: { ref: { system: 'xero', recordType: 'bill' } } });

    expect((await api.POST('/v1/records/lock', { body: { ref: cost, reason: 'In the books' } })).data?.lock.locked).toBe(true);
    expect((await api.POST('/v1/records/unlock', { body: { ref: cost } })).data?.lock.locked).toBe(false);

    const history = await api.POST('/v1/records/history', { body: { ref: cost } });
    expect(history.data?.events.map((e) => e.kind)).toEqual(['unlocked', 'locked', 'synced', 'pushed', 'reported']);
    expect(history.data?.events[2]?.actor).toBe('Sandbox integration');

    const refused = await api.POST('/v1/records/lock', { body: { ref: bill } });
    expect(refused.response.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'not_lockable' });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('several service processes on one PostgreSQL', () => {
  it('share their data: what one instance writes, the other reads', async () => {
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL as string };
    const token = createTenantWithToken(env);
    const [one, two] = await Promise.all([start(env), start(env)]);
    const cost = procoreCost();
    const locked = await syncStatusClient(one.url, token).POST('/v1/records/lock', { body: { ref: cost } });
    expect(locked.data?.lock.locked).toBe(true);
    const seen = await syncStatusClient(two.url, token).POST('/v1/statuses/lookup', { body: { refs: [cost] } });
    expect(seen.data?.statuses[0]?.lock).toMatchObject({ locked: true, by: 'integration' });
  });
});
