import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../lib/contract/api';
import { engines, startService, type TestService } from './harness';
import { key, procoreCost, synced, xeroBill } from './refs';

const ref = procoreCost();

/** Every endpoint that needs a token, the scope it needs, and a valid request to it. */
const endpoints: { method: 'get' | 'post' | 'delete'; path: string; scope: Scope | null; body?: unknown }[] = [
  { method: 'get', path: '/v1/me', scope: null },
  { method: 'post', path: '/v1/statuses/lookup', scope: 'read', body: { refs: [ref] } },
  { method: 'post', path: '/v1/records/history', scope: 'read', body: { ref } },
  { method: 'post', path: '/v1/records/resolve-url', scope: 'read', body: { url: 'https://app.procore.com/1/project/direct_costs/2' } },
  { method: 'get', path: '/v1/changes', scope: 'read' },
  { method: 'get', path: '/v1/errors/summary', scope: 'read' },
  { method: 'get', path: `/v1/jobs/${crypto.randomUUID()}`, scope: 'read' },
  { method: 'post', path: '/v1/pushes', scope: 'push', body: { pushes: [{ ref: procoreCost(), idempotencyKey: key(1) }] } },
  { method: 'post', path: '/v1/records/lock', scope: 'lock', body: { ref: procoreCost() } },
  { method: 'post', path: '/v1/records/unlock', scope: 'lock', body: { ref: procoreCost() } },
  { method: 'post', path: '/v1/ingest', scope: 'ingest', body: { records: [{ ref: procoreCost(), state: 'not_synced' }] } },
  { method: 'post', path: '/v1/worker/jobs/claim', scope: 'ingest', body: { workerId: 'w' } },
  {
    method: 'post',
    path: `/v1/worker/jobs/${crypto.randomUUID()}/complete`,
    scope: 'ingest',
    body: { workerId: 'w', outcome: { result: 'failed', error: { code: 'x_y', message: 'm', hint: 'h' } } },
  },
  { method: 'post', path: '/v1/tokens', scope: 'admin', body: { name: 'New', scopes: ['read'] } },
  { method: 'delete', path: `/v1/tokens/${crypto.randomUUID()}`, scope: 'admin' },
];

describe.each(engines)('access on %s', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService(engine);
  });
  afterAll(() => service.close());

  const call = (client: ReturnType<TestService['client']>, e: (typeof endpoints)[number]) =>
    e.method === 'post' ? client.post(e.path, e.body) : e.method === 'get' ? client.get(e.path) : client.delete(e.path);

  describe('attack matrix: every endpoint with no token, a wrong or revoked token, or a token lacking the scope', () => {
    it.each(endpoints)('$method $path refuses a missing or unknown token with 401', async (endpoint) => {
      const missing = await call(service.client(null), endpoint);
      expect(missing.status).toBe(401);
      expect(missing.body.code).toBe('missing_token');
      const unknown = await call(service.client('sst_not-a-real-token'), endpoint);
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('invalid_token');
    });

    it.each(endpoints.filter((e) => e.scope))('$method $path needs the $scope scope', async (endpoint) => {
      const tenant = await service.newTenant();
      const others = (['read', 'push', 'lock', 'ingest', 'admin'] as Scope[]).filter((s) => s !== endpoint.scope);
      const lacking = await call(await tenant.withScopes(...others), endpoint);
      expect(lacking.status).toBe(403);
      expect(lacking.body).toMatchObject({ code: 'missing_scope', details: { required: endpoint.scope } });
      const allowed = await call(await tenant.withScopes(endpoint.scope as Scope), endpoint);
      expect(allowed.status).not.toBe(403);
      expect(allowed.status).toBeLessThan(500);
    });

    it('tells a token who it is', async () => {
      const tenant = await service.newTenant('Harbour View Builders');
      const { body } = await (await tenant.withScopes('read', 'push')).get('/v1/me');
      expect(body).toMatchObject({ tenant: { id: tenant.tenantId, name: 'Harbour View Builders' }, token: { scopes: ['read', 'push'] } });
    });

    it('creates and revokes tokens; a revoked token stops working at once', async () => {
      const { api } = await service.newTenant();
      const created = await api.post('/v1/tokens', { name: 'Alice', scopes: ['read'] });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^sst_/);
      const alice = service.client(created.body.token);
      expect((await alice.get('/v1/me')).body.token.name).toBe('Alice');
      expect((await api.delete(`/v1/tokens/${created.body.id}`)).status).toBe(204);
      expect((await alice.get('/v1/me')).status).toBe(401);
      expect((await api.delete(`/v1/tokens/${created.body.id}`)).status).toBe(404);
    });
  });

  describe('attack matrix: a token of another tenant', () => {
    it("one tenant never reads or changes another's records, jobs or tokens", async () => {
      const a = await service.newTenant('A');
      const b = await service.newTenant('B');
      const cost = procoreCost();
      await a.api.post('/v1/ingest', { records: [synced(cost, xeroBill())] });
      const { body: pushed } = await a.api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: key(2) }] });
      const jobId = pushed.jobs[0].id;

      expect((await b.api.post('/v1/statuses/lookup', { refs: [cost] })).body.statuses[0].state).toBe('unknown');
      expect((await b.api.post('/v1/records/history', { ref: cost })).body.events).toEqual([]);
      expect((await b.api.get('/v1/changes?after=0')).body.changes).toEqual([]);
      expect((await b.api.get('/v1/errors/summary')).body.total).toBe(0);
      expect((await b.api.get(`/v1/jobs/${jobId}`)).status).toBe(404);
      expect((await b.api.post('/v1/worker/jobs/claim', { workerId: 'b', limit: 100 })).body.jobs).toEqual([]);
      const complete = await b.api.post(`/v1/worker/jobs/${jobId}/complete`, {
        workerId: 'b',
        outcome: { result: 'succeeded', counterpart: { ref: xeroBill() } },
      });
      expect(complete.status).toBe(404);
      expect((await b.api.delete(`/v1/tokens/${a.tokens.all.id}`)).status).toBe(404);
      // B's own writes to the same reference stay B's.
      await b.api.post('/v1/records/lock', { ref: cost });
      const seenByA = await a.api.post('/v1/statuses/lookup', { refs: [cost] });
      expect(seenByA.body.statuses[0]).toMatchObject({ state: 'synced', lock: { locked: false } });
      // The same idempotency key in two tenants is two pushes.
      const shared = key(3);
      const pa = await a.api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: shared }] });
      const pb = await b.api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: shared }] });
      expect(pb.body.jobs[0].id).not.toBe(pa.body.jobs[0].id);
    });
  });

  describe('attack matrix: malformed and oversize bodies (413), rate limits (429)', () => {
    it('answers malformed JSON, a non-JSON body and an unknown route in the error shape', async () => {
      const { api } = await service.newTenant();
      const malformed = await api.post('/v1/statuses/lookup', '{"refs": [');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({ code: 'malformed_json', message: expect.any(String) });
      const notJson = await service.app.request('/v1/statuses/lookup', {
        method: 'POST',
        headers: { authorization: `Bearer ${(await service.newTenant()).tokens.all.token}`, 'content-type': 'text/plain' },
        body: 'refs',
      });
      expect(notJson.status).toBe(415);
      expect(await notJson.json()).toMatchObject({ code: 'unsupported_media_type' });
      const unknown = await api.get('/v1/nothing-here');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('not_found');
    });

    it('refuses a body over the limit with 413 and writes nothing', async () => {
      const small = await startService(engine, { rateLimitPerMinute: 1000, bodyLimitBytes: 4096 });
      try {
        const { api } = await small.newTenant();
        const records = Array.from({ length: 60 }, () => ({ ref: procoreCost(), state: 'not_synced' }));
        const answer = await api.post('/v1/ingest', { records });
        expect(answer.status).toBe(413);
        expect(answer.body.code).toBe('payload_too_large');
        expect((await api.get('/v1/changes?after=0')).body.changes).toEqual([]);
      } finally {
        await small.close();
      }
    });

    it('rate-limits each token with 429 and Retry-After, leaving other tokens alone', async () => {
      const limited = await startService(engine, { rateLimitPerMinute: 5, bodyLimitBytes: 1 << 20 });
      try {
        const tenant = await limited.newTenant();
        const answers = [];
        for (let i = 0; i < 7; i++) answers.push(await tenant.api.get('/v1/me'));
        expect(answers.slice(0, 5).every((a) => a.status === 200)).toBe(true);
        const refused = answers[6];
        expect(refused?.status).toBe(429);
        expect(refused?.body.code).toBe('rate_limited');
        expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await (await tenant.withScopes('read')).get('/v1/me')).status).toBe(200);
      } finally {
        await limited.close();
      }
    });
  });
});

describe('cross-origin calls', () => {
  it('answers a preflight for the extension and exposes Retry-After, with no credentials', async () => {
    const service = await startService('pglite');
    try {
      const preflight = await service.app.request('/v1/statuses/lookup', {
        method: 'OPTIONS',
        headers: {
          origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const { api } = await service.newTenant();
      const answer = await api.get('/v1/me');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await service.close();
    }
  });
});
