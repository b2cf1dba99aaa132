import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../src/db/schema';
import { MAX_ATTEMPTS } from '../src/store/jobs';
import { engines, startService, type TestService } from './harness';
import { key, procoreCost, synced, xeroBill } from './refs';

describe.each(engines)('pushes and jobs on %s', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService(engine);
  });
  afterAll(() => service.close());

  /** Makes every running lease of this tenant expire now, as if its worker had died. */
  const expireLeases = (tenantId: string) =>
    service.database.db
      .update(jobs)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(sql`${jobs.tenantId} = ${tenantId} and ${jobs.state} = 'running'`);

  it('queues a push: the record turns pending with its job, and the history says who asked', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    const pushed = await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(1) }] });
    expect(pushed.status).toBe(200);
    const [job] = pushed.body.jobs;
    expect(job).toMatchObject({ ref: cost, state: 'queued', force: false, attempts: 0, requestedBy: 'Test user', error: null });
    const { body } = await api.post('/v1/statuses/lookup', { refs: [cost] });
    expect(body.statuses[0]).toMatchObject({ state: 'pending', activeJobId: job.id });
    expect((await api.get(`/v1/jobs/${job.id}`)).body).toEqual(job);
    const history = await api.post('/v1/records/history', { ref: cost });
    expect(history.body.events[0]).toMatchObject({ kind: 'pushed', actor: 'Test user', jobId: job.id });
  });

  it('is idempotent: the same key answers the same job, a double click pushes once', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    const body = { pushes: [{ ref: cost, idempotencyKey: key(2) }] };
    const [first, second] = await Promise.all([api.post('/v1/pushes', body), api.post('/v1/pushes', body)]);
    expect(second.body.jobs[0].id).toBe(first.body.jobs[0].id);
    const claimed = await api.post('/v1/worker/jobs/claim', { workerId: 'w1', limit: 10 });
    expect(claimed.body.jobs).toHaveLength(1);
  });

  it('joins a push already in flight when a second tab pushes the same record', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    const first = await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(3) }] });
    const other = await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(4) }] });
    expect(other.status).toBe(200);
    expect(other.body.jobs[0].id).toBe(first.body.jobs[0].id);
  });

  it('refuses a key reused for another record', async () => {
    const { api } = await service.newTenant();
    const reused = key(5);
    await api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: reused }] });
    const answer = await api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: reused }] });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('idempotency_key_reused');
  });

  it('refuses to push a locked record or a synced one unless forced, and queues nothing of a refused batch', async () => {
    const { api } = await service.newTenant();
    const [locked, done, fresh] = [procoreCost(), procoreCost(), procoreCost()];
    await api.post('/v1/records/lock', { ref: locked });
    await api.post('/v1/ingest', { records: [synced(done, xeroBill())] });
    const one = await api.post('/v1/pushes', { pushes: [{ ref: locked, idempotencyKey: key(6) }] });
    expect(one.status).toBe(409);
    expect(one.body).toMatchObject({ code: 'record_locked' });
    expect(one.body.message).toMatch(/locked by Test user: unlock it before pushing/);
    const batch = await api.post('/v1/pushes', {
      pushes: [
        { ref: fresh, idempotencyKey: key(7) },
        { ref: done, idempotencyKey: key(8) },
      ],
    });
    expect(batch.status).toBe(409);
    expect(batch.body).toMatchObject({ code: 'already_synced', details: { refusals: [{ index: 1, code: 'already_synced' }] } });
    const { body } = await api.post('/v1/statuses/lookup', { refs: [fresh] });
    expect(body.statuses[0].activeJobId).toBeNull();
    const forced = await api.post('/v1/pushes', { pushes: [{ ref: done, idempotencyKey: key(9), force: true }] });
    expect(forced.status).toBe(200);
    expect(forced.body.jobs[0].force).toBe(true);
  });

  it('runs a job to success: both sides synced and linked, the job ends once', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    const bill = xeroBill();
    const { body: pushed } = await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(10) }] });
    const { body: claimed } = await api.post('/v1/worker/jobs/claim', { workerId: 'worker-a', limit: 5, leaseSeconds: 30 });
    expect(claimed.jobs).toMatchObject([{ id: pushed.jobs[0].id, state: 'running', attempts: 1 }]);
    expect(Date.parse(claimed.jobs[0].leaseExpiresAt)).toBeGreaterThan(Date.now());
    const outcome = { result: 'succeeded', counterpart: { ref: bill, number: 'BILL-0042' } };
    const done = await api.post(`/v1/worker/jobs/${claimed.jobs[0].id}/complete`, { workerId: 'worker-a', outcome });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'succeeded', counterpart: { ref: bill, number: 'BILL-0042' } });
    expect(done.body.finishedAt).not.toBeNull();
    const { body } = await api.post('/v1/statuses/lookup', { refs: [cost, bill] });
    expect(body.statuses[0]).toMatchObject({ state: 'synced', activeJobId: null, counterpart: { number: 'BILL-0042' } });
    expect(body.statuses[1]).toMatchObject({ state: 'synced', counterpart: { ref: cost } });
    const repeat = await api.post(`/v1/worker/jobs/${claimed.jobs[0].id}/complete`, { workerId: 'worker-a', outcome });
    expect(repeat.status).toBe(200);
    expect(repeat.body.finishedAt).toBe(done.body.finishedAt);
    const contrary = await api.post(`/v1/worker/jobs/${claimed.jobs[0].id}/complete`, {
      workerId: 'worker-a',
      outcome: { result: 'failed', error: { code: 'late', message: 'Too late', hint: 'None' } },
    });
    expect(contrary.status).toBe(409);
    expect(contrary.body.code).toBe('job_already_finished');
    const history = await api.post('/v1/records/history', { ref: cost });
    expect(history.body.events[0]).toMatchObject({ kind: 'synced', summary: 'Pushed to Xero as BILL-0042' });
  });

  it('runs a job to failure: the record shows the error and can be pushed again', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(11) }] });
    const { body: claimed } = await api.post('/v1/worker/jobs/claim', { workerId: 'w', limit: 1 });
    const error = {
      code: 'vendor_not_mapped',
      message: 'Vendor Acme is not mapped.',
      hint: 'Map Acme in the integration.',
      blockedBy: { kind: 'vendor', name: 'Acme' },
    };
    const failed = await api.post(`/v1/worker/jobs/${claimed.jobs[0].id}/complete`, { workerId: 'w', outcome: { result: 'failed', error } });
    expect(failed.body).toMatchObject({ state: 'failed', error });
    const { body } = await api.post('/v1/statuses/lookup', { refs: [cost] });
    expect(body.statuses[0]).toMatchObject({ state: 'failed', lastError: error, activeJobId: null });
    const retry = await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(12) }] });
    expect(retry.body.jobs[0]).toMatchObject({ state: 'queued' });
  });

  it('refuses to complete an unclaimed job, or one whose lease another worker took over', async () => {
    const tenant = await service.newTenant();
    const { api } = tenant;
    const { body: pushed } = await api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: key(13) }] });
    const id = pushed.jobs[0].id;
    const outcome = { result: 'succeeded', counterpart: { ref: xeroBill() } };
    expect((await api.post(`/v1/worker/jobs/${id}/complete`, { workerId: 'a', outcome })).body.code).toBe('job_not_claimed');
    await api.post('/v1/worker/jobs/claim', { workerId: 'a', limit: 1, leaseSeconds: 5 });
    await expireLeases(tenant.tenantId);
    const retaken = await api.post('/v1/worker/jobs/claim', { workerId: 'b', limit: 1 });
    expect(retaken.body.jobs).toMatchObject([{ id, attempts: 2 }]);
    const late = await api.post(`/v1/worker/jobs/${id}/complete`, { workerId: 'a', outcome });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('lease_lost');
    expect((await api.post(`/v1/worker/jobs/${id}/complete`, { workerId: 'b', outcome })).body.state).toBe('succeeded');
  });

  it(`fails a job whose leases ran out ${MAX_ATTEMPTS} times instead of handing it out forever`, async () => {
    const tenant = await service.newTenant();
    const cost = procoreCost();
    await tenant.api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(14) }] });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claimed = await tenant.api.post('/v1/worker/jobs/claim', { workerId: `crashing-${attempt}`, limit: 1 });
      expect(claimed.body.jobs).toHaveLength(1);
      await expireLeases(tenant.tenantId);
    }
    const after = await tenant.api.post('/v1/worker/jobs/claim', { workerId: 'next', limit: 1 });
    expect(after.body.jobs).toEqual([]);
    const { body } = await tenant.api.post('/v1/statuses/lookup', { refs: [cost] });
    expect(body.statuses[0]).toMatchObject({ state: 'failed', lastError: { code: 'worker_gave_up' } });
  });

  it('never hands one job to two workers claiming at once', async () => {
    const { api } = await service.newTenant();
    await api.post('/v1/pushes', { pushes: Array.from({ length: 30 }, (_, i) => ({ ref: procoreCost(), idempotencyKey: key(100 + i) })) });
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.post('/v1/worker/jobs/claim', { workerId: `w${i}`, limit: 10 })),
    );
    const ids = claims.flatMap((claim) => claim.body.jobs.map((job: { id: string }) => job.id));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('refuses a completion whose counterpart is in the same system, instead of failing', async () => {
    const { api } = await service.newTenant();
    await api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: key(15) }] });
    const { body: claimed } = await api.post('/v1/worker/jobs/claim', { workerId: 'w', limit: 1 });
    const answer = await api.post(`/v1/worker/jobs/${claimed.jobs[0].id}/complete`, {
      workerId: 'w',
      outcome: { result: 'succeeded', counterpart: { ref: claimed.jobs[0].ref } },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('counterpart_in_same_system');
  });

  it('tells a displaced worker its lease was lost, even once the job has finished', async () => {
    const tenant = await service.newTenant();
    const { api } = tenant;
    await api.post('/v1/pushes', { pushes: [{ ref: procoreCost(), idempotencyKey: key(16) }] });
    const { body: first } = await api.post('/v1/worker/jobs/claim', { workerId: 'a', limit: 1 });
    await expireLeases(tenant.tenantId);
    await api.post('/v1/worker/jobs/claim', { workerId: 'b', limit: 1 });
    const outcome = { result: 'succeeded', counterpart: { ref: xeroBill() } };
    expect((await api.post(`/v1/worker/jobs/${first.jobs[0].id}/complete`, { workerId: 'b', outcome })).status).toBe(200);
    const late = await api.post(`/v1/worker/jobs/${first.jobs[0].id}/complete`, { workerId: 'a', outcome });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('lease_lost');
  });

  it('refuses to lock a record while its push is under way', async () => {
    const { api } = await service.newTenant();
    const cost = procoreCost();
    await api.post('/v1/pushes', { pushes: [{ ref: cost, idempotencyKey: key(17) }] });
    const answer = await api.post('/v1/records/lock', { ref: cost });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('push_in_flight');
  });

  it('never loses a lock or a push to a concurrent write of the same new record', async () => {
    const { api } = await service.newTenant();
    for (let round = 0; round < 10; round++) {
      const [locked, pushed] = [procoreCost(), procoreCost()];
      await Promise.all([
        api.post('/v1/records/lock', { ref: locked }),
        api.post('/v1/ingest', { records: [{ ref: locked, state: 'not_synced' }] }),
        api.post('/v1/pushes', { pushes: [{ ref: pushed, idempotencyKey: key(200 + round) }] }),
        api.post('/v1/ingest', { records: [{ ref: pushed, state: 'not_synced', number: 'DC-9' }] }),
      ]);
      const { body } = await api.post('/v1/statuses/lookup', { refs: [locked, pushed] });
      expect(body.statuses[0].lock.locked).toBe(true);
      expect(body.statuses[1].state).toBe('pending');
    }
  });

  it('answers 404 for a job that does not exist', async () => {
    const { api } = await service.newTenant();
    const missing = await api.get(`/v1/jobs/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});
