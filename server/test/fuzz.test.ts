// Property-based fuzzing of every endpoint's inputs: random JSON, valid requests with one field
// replaced by anything (wrong types, SQL metacharacters, control characters, long strings), and
// unknown fields. Whatever comes, the service never answers 5xx, refuses with its one error shape,
// and a refused request leaves no trace in the tenant's data.
import { count, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, jobs, recordEvents, records, tenants } from '../src/db/schema';
import { startService, type TestService, type TestTenant } from './harness';
import { procoreCost, synced, xeroBill } from './refs';

const RUNS = 1_000;
/** Fixed, so CI sees the same cases every run; FUZZ_SEED=<n> explores others (a failure prints its seed). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);

/** Strings an injection would try, in every string field. */
const sqlMetacharacters = [
  "'; drop table records; --",
  "' or '1'='1",
  '"; delete from jobs; --',
  '\\',
  "%' and 1=1 --",
  '_%',
  '$1',
  '\u0000',
  "Robert'); DROP TABLE tenants;--",
  '/* */ union select * from api_tokens --',
];

const hostile = fc.oneof(
  fc.constantFrom(...sqlMetacharacters),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 2_000, maxLength: 5_000 }),
  fc.anything({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);

/** Replaces the value at one path of a valid body. */
function withValueAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  copy[head] = withValueAt((body as Record<string | number, unknown>)[head], rest, value);
  return copy;
}

/** Every path to a leaf of a JSON value (and to the objects and arrays on the way). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([key, v]) => pathsOf(v, [...at, key]))];
}

/** Random bodies built around one valid body: anything at all, one field replaced, an unknown field added. */
function bodiesAround(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid).filter((path) => path.length > 0);
  return fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) => withValueAt(valid, path, value)),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), hostile).map(([key, value]) => ({ ...(valid as object), [key]: value })),
  );
}

describe("attack matrix: fuzzing every endpoint's inputs (1,000 cases each), SQL metacharacters in every string field", () => {
  let service: TestService;
  let tenant: TestTenant;

  /** What a refused request must not change: the tenant's change number and its rows in every table. */
  async function fingerprint() {
    const { db } = service.database;
    const [tenantRow] = await db.select({ changeSeq: tenants.changeSeq }).from(tenants).where(eq(tenants.id, tenant.tenantId));
    const counted = async (table: typeof records | typeof jobs | typeof recordEvents | typeof apiTokens) =>
      (await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenant.tenantId)))[0]?.n;
    return {
      changeSeq: tenantRow?.changeSeq,
      records: await counted(records),
      jobs: await counted(jobs),
      events: await counted(recordEvents),
      tokens: await counted(apiTokens),
      tenants: (await db.select({ n: count() }).from(tenants))[0]?.n,
    };
  }

  beforeAll(async () => {
    service = await startService('pglite');
    tenant = await service.newTenant();
    const [cost, bill] = [procoreCost(), xeroBill()];
    await tenant.api.post('/v1/ingest', { records: [synced(cost, bill, 'BILL-1'), { ref: procoreCost(), state: 'not_synced' }] });
  });
  afterAll(() => service.close());

  const cost = procoreCost();
  const endpoints: { name: string; send: (input: unknown) => Promise<{ status: number; body: unknown }> }[] = [
    { name: 'POST /v1/statuses/lookup', send: (body) => tenant.api.post('/v1/statuses/lookup', body ?? 'null') },
    { name: 'POST /v1/records/lock', send: (body) => tenant.api.post('/v1/records/lock', body ?? 'null') },
    { name: 'POST /v1/records/unlock', send: (body) => tenant.api.post('/v1/records/unlock', body ?? 'null') },
    { name: 'POST /v1/records/history', send: (body) => tenant.api.post('/v1/records/history', body ?? 'null') },
    { name: 'POST /v1/records/resolve-url', send: (body) => tenant.api.post('/v1/records/resolve-url', body ?? 'null') },
    { name: 'POST /v1/pushes', send: (body) => tenant.api.post('/v1/pushes', body ?? 'null') },
    { name: 'POST /v1/ingest', send: (body) => tenant.api.post('/v1/ingest', body ?? 'null') },
    { name: 'POST /v1/worker/jobs/claim', send: (body) => tenant.api.post('/v1/worker/jobs/claim', body ?? 'null') },
    { name: 'POST /v1/tokens', send: (body) => tenant.api.post('/v1/tokens', body ?? 'null') },
  ];
  const validBodies: Record<string, unknown> = {
    'POST /v1/statuses/lookup': { refs: [cost, xeroBill()] },
    'POST /v1/records/lock': { ref: cost, reason: 'Month closed' },
    'POST /v1/records/unlock': { ref: cost, reason: 'Correction' },
    'POST /v1/records/history': { ref: cost, limit: 10 },
    'POST /v1/records/resolve-url': { url: `https://us02.procore.com/598134325548164/project/direct_costs/${cost.recordId}` },
    'POST /v1/pushes': { pushes: [{ ref: procoreCost(), idempotencyKey: 'fuzz-push-1' }] },
    'POST /v1/ingest': { records: [{ ref: procoreCost(), state: 'failed', number: 'DC-1', error: { code: 'vendor_not_mapped', message: 'No vendor.' } }] },
    'POST /v1/worker/jobs/claim': { workerId: 'fuzz-worker', limit: 1 },
    'POST /v1/tokens': { name: 'Fuzzed', scopes: ['read'] },
  };

  it.each(endpoints)('$name: no 5xx, one error shape, nothing written when refused', { timeout: 300_000 }, async ({ name, send }) => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodiesAround(validBodies[name]), async (body) => {
        const before = await fingerprint();
        const answer = await send(body);
        expect(answer.status, String(JSON.stringify(body)).slice(0, 300)).toBeLessThan(500);
        if (answer.status >= 400) {
          refused++;
          expect(answer.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          expect(await fingerprint()).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(refused).toBeGreaterThan(RUNS / 2); // most random input is refused, as it should be
  });

  it('GET endpoints with fuzzed queries and path parameters: no 5xx, one error shape, nothing written', { timeout: 300_000 }, async () => {
    const paths = fc.oneof(
      hostile.map((v) => `/v1/changes?after=${encodeURIComponent(String(v))}`),
      fc.tuple(hostile, hostile).map(([a, l]) => `/v1/changes?after=${encodeURIComponent(String(a))}&limit=${encodeURIComponent(String(l))}`),
      hostile.map((v) => `/v1/jobs/${encodeURIComponent(String(v))}`),
      hostile.map((v) => `/v1/errors/summary?${encodeURIComponent(String(v))}=1`),
      hostile.map((v) => `/v1/me?x=${encodeURIComponent(String(v))}`),
    );
    await fc.assert(
      fc.asyncProperty(paths, async (path) => {
        const before = await fingerprint();
        const answer = await tenant.api.get(path);
        expect(answer.status, path.slice(0, 300)).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(await fingerprint()).toEqual(before); // reads never write
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('DELETE /v1/tokens/{id} and POST /v1/worker/jobs/{id}/complete with fuzzed ids and bodies', { timeout: 300_000 }, async () => {
    const requests = fc.oneof(
      hostile.map((id) => () => tenant.api.delete(`/v1/tokens/${encodeURIComponent(String(id))}`)),
      fc
        .tuple(hostile, bodiesAround({ workerId: 'fuzz-worker', outcome: { result: 'failed', error: { code: 'x', message: 'y' } } }))
        .map(([id, body]) => () => tenant.api.post(`/v1/worker/jobs/${encodeURIComponent(String(id))}/complete`, body ?? 'null')),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const before = await fingerprint();
        const answer = await request();
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          expect(await fingerprint()).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('refuses the NUL character in any text, before the database sees it (found by fuzzing: a token named "\\u0000" was a 500)', async () => {
    const ref = procoreCost();
    for (const [path, body] of [
      ['/v1/tokens', { name: 'a\u0000b', scopes: ['read'] }],
      ['/v1/records/lock', { ref, reason: '\u0000' }],
      ['/v1/ingest', { records: [{ ref, state: 'not_synced', number: 'DC-\u0000' }] }],
    ] as const) {
      const before = await fingerprint();
      const answer = await tenant.api.post(path, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('NUL') });
      expect(await fingerprint()).toEqual(before);
    }
    // The text "\u0000" (a backslash, then u0000) is ordinary text.
    expect((await tenant.api.post('/v1/ingest', { records: [{ ref, state: 'not_synced', number: 'DC-\\u0000' }] })).status).toBe(200);
  });

  it('keeps SQL metacharacters as text in every string it stores', async () => {
    for (const text of sqlMetacharacters.filter((t) => !t.includes('\u0000'))) {
      const ref = procoreCost();
      const ingested = await tenant.api.post('/v1/ingest', {
        records: [{ ref, state: 'failed', number: text, error: { code: 'vendor_not_mapped', message: text, hint: text } }],
      });
      expect(ingested.status, text).toBe(200);
      const { body } = await tenant.api.post('/v1/statuses/lookup', { refs: [ref] });
      expect(body.statuses[0]).toMatchObject({ number: text, lastError: { message: text, hint: text } });
      const locked = await tenant.api.post('/v1/records/lock', { ref, reason: text });
      expect(locked.body.lock.reason, text).toBe(text);
    }
    // Every table is still there and still answers.
    const { db } = service.database;
    for (const table of ['tenants', 'api_tokens', 'records', 'jobs', 'record_events']) {
      await expect(db.execute(sql.raw(`select count(*) from ${table}`))).resolves.toBeDefined();
    }
  });
});
