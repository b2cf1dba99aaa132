import { describe, expect, it, vi } from 'vitest';
import { exampleStatus } from '../contract/examples';
import type { RecordRef } from '../contract/records';
import { createServiceClient } from './service-client';

const ref: RecordRef = { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2' };
const connection = { serviceUrl: 'https://sync.example.com', token: 'sst_secret' };
const status = exampleStatus({ ref, counterpart: null });

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

function clientAnswering(answer: () => Promise<Response>, signedIn = true) {
  const fetch = vi.fn(answer);
  const client = createServiceClient({ connection: async () => (signedIn ? connection : null), fetch: fetch });
  return { client, fetch };
}

describe('the service client', () => {
  it('sends the token and the references, and returns validated statuses', async () => {
    const { client, fetch } = clientAnswering(async () => json({ statuses: [status] }));
    await expect(client.lookup([ref])).resolves.toEqual([status]);
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('https://sync.example.com/v1/statuses/lookup');
    expect(init.headers).toMatchObject({ authorization: 'Bearer sst_secret' });
    expect(JSON.parse(init.body as string)).toEqual({ refs: [ref] });
  });

  it('keeps the path a service is served under', async () => {
    const fetch = vi.fn(async () => json({ statuses: [status] }));
    const client = createServiceClient({
      connection: async () => ({ ...connection, serviceUrl: 'https://example.com/sync' }),
      fetch: fetch,
    });
    await client.lookup([ref]);
    expect(String((fetch.mock.calls[0] as unknown as [URL])[0])).toBe('https://example.com/sync/v1/statuses/lookup');
  });

  it.each([
    ['not signed in', () => Promise.reject(new Error('never called')), false, 'not_signed_in', /Sign in/],
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch')), true, 'service_unreachable', /unreachable at https:\/\/sync\.example\.com/],
    ['too slow', () => Promise.reject(new DOMException('timed out', 'TimeoutError')), true, 'timeout', /did not answer within 10 s/],
    ['a revoked token', async () => json({ code: 'invalid_token', message: 'x' }, { status: 401 }), true, 'token_rejected', /sign in again/],
    ['a missing scope', async () => json({ code: 'missing_scope', message: 'This token lacks "read"' }, { status: 403 }), true, 'missing_scope', /lacks "read"/],
    ['a rate limit', async () => json({ code: 'rate_limited', message: 'x' }, { status: 429, headers: { 'retry-after': '7' } }), true, 'rate_limited', /in 7 s/],
    ['a server failure', async () => json({ code: 'internal_error', message: 'x' }, { status: 500 }), true, 'service_error', /HTTP 500/],
    ['malformed JSON', async () => new Response('{"statuses": [', { status: 200 }), true, 'invalid_response', /does not understand/],
    ['JSON that breaks the contract', async () => json({ statuses: [{ ...status, state: 'green' }] }), true, 'invalid_response', /does not understand/],
    ['another kind of server', async () => new Response('<html>Not here</html>', { status: 404 }), true, 'invalid_response', /HTTP 404/],
    ['a refusal in the contract', async () => json({ code: 'not_lockable', message: 'A Xero bill cannot be locked' }, { status: 422 }), true, 'not_lockable', /cannot be locked/],
  ])('turns %s into its own error', async (_, answer, signedIn, code, message) => {
    const { client } = clientAnswering(answer, signedIn);
    const error = await client.lookup([ref]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('opens the connection ahead of a look-up: the health check under the service path, no token, once while it is in use', async () => {
    let time = 1_000_000;
    const fetch = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => json({ statuses: [status] }));
    const client = createServiceClient({ connection: async () => ({ ...connection, serviceUrl: 'https://example.com/sync' }), fetch, now: () => time });
    await client.warmUp();
    const [url, init] = fetch.mock.calls[0] as [URL, RequestInit];
    expect(String(url)).toBe('https://example.com/sync/healthz');
    expect(init).toMatchObject({ mode: 'no-cors', cache: 'no-store' });
    expect(JSON.stringify(init)).not.toContain('sst_secret');
    time += 5_000;
    await client.warmUp(); // just opened
    await client.lookup([ref]);
    time += 15_000;
    await client.warmUp(); // in use 15 s ago
    expect(fetch).toHaveBeenCalledTimes(2);
    time += 20_000;
    await client.warmUp(); // idle for 20 s: may have closed
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('warms nothing while signed out, and never fails: a look-up that follows says what is wrong', async () => {
    const signedOut = clientAnswering(async () => json({}), false);
    await expect(signedOut.client.warmUp()).resolves.toBeUndefined();
    expect(signedOut.fetch).not.toHaveBeenCalled();
    const unreachable = clientAnswering(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(unreachable.client.warmUp()).resolves.toBeUndefined();
  });

  it("keeps a rate limit's Retry-After, so nobody asks again sooner", async () => {
    const { client } = clientAnswering(async () => json({ code: 'rate_limited', message: 'x' }, { status: 429, headers: { 'retry-after': '7' } }));
    await expect(client.lookup([ref])).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
  });

  it('pushes, follows a job, locks, unlocks and reads the change feed with validated answers', async () => {
    const job = { id: '0b0e7a52-8f0c-4a43-9d1e-6a8f5d2c1b3a', ref, state: 'queued', force: false, attempts: 0, requestedBy: 'Dana',
      createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', finishedAt: null, error: null, counterpart: null };
    const answers: Record<string, unknown> = {
      'POST /v1/pushes': { jobs: [job] },
      [`GET /v1/jobs/${job.id}`]: job,
      'POST /v1/records/lock': status,
      'POST /v1/records/unlock': status,
      'GET /v1/changes': { changes: [status], cursor: '42', hasMore: false },
    };
    const fetch = vi.fn(async (url: URL, init: RequestInit) => json(answers[`${init.method} ${url.pathname}`]));
    const client = createServiceClient({ connection: async () => connection, fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(client.push([{ ref, idempotencyKey: 'push:1:2:3' }])).resolves.toEqual([job]);
    await expect(client.job(job.id)).resolves.toEqual(job);
    await expect(client.lock(ref, 'Month end')).resolves.toEqual(status);
    await expect(client.unlock(ref)).resolves.toEqual(status);
    await expect(client.changes('latest')).resolves.toEqual({ changes: [status], cursor: '42', hasMore: false });
    const [changesUrl, changesInit] = fetch.mock.calls.at(-1) as [URL, RequestInit];
    expect(changesUrl.search).toBe('?after=latest&limit=500');
    expect(changesInit.body).toBeUndefined();
  });
});
