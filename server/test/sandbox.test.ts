import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxWorker } from '../src/sandbox-worker';
import { engines, startService, type TestService, type TestTenant } from './harness';
import { key, procoreCost, synced, xeroBill, zohoBill } from './refs';

async function settle(tenant: TestTenant, jobId: string) {
  for (let i = 0; i < 100; i++) {
    const { body } = await tenant.api.get(`/v1/jobs/${jobId}`);
    if (body.state === 'succeeded' || body.state === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${jobId} did not finish`);
}

async function push(tenant: TestTenant, ref: Parameters<typeof synced>[0]) {
  const { body } = await tenant.api.post('/v1/pushes', { pushes: [{ ref, idempotencyKey: key(1) }] });
  return settle(tenant, body.jobs[0].id);
}

describe.each(engines)('the sandbox worker on %s', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService(engine);
  });
  afterAll(() => service.close());

  /** A fresh tenant with a sandbox worker of its own, stopped when the test is done. */
  async function withWorker(failureRate: number, test: (tenant: TestTenant) => Promise<void>) {
    const tenant = await service.newTenant();
    const worker = startSandboxWorker(service.database.db, { delayMs: 0, failureRate, pollMs: 20, tenantId: tenant.tenantId });
    try {
      await test(tenant);
    } finally {
      await worker.stop();
    }
  }

  it("creates the counterpart in the project's own accounting system", () =>
    withWorker(0, async (tenant) => {
      const zohoProject = procoreCost({ projectId: '598134325548999' });
      await tenant.api.post('/v1/ingest', {
        records: [synced(procoreCost(), xeroBill()), synced(zohoProject, zohoBill())],
      });
      const inXeroProject = await push(tenant, procoreCost());
      expect(inXeroProject).toMatchObject({ state: 'succeeded', counterpart: { ref: { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ' } } });
      const inZohoProject = await push(tenant, procoreCost({ projectId: '598134325548999' }));
      expect(inZohoProject.counterpart.ref).toMatchObject({ system: 'zoho_books', organizationId: '60012345678' });
      expect(inZohoProject.counterpart.url).toMatch(/^https:\/\/books\.zoho\.com\/app\/60012345678#\/bills\/\d+$/);
    }));

  it('keeps failing a push blocked by something missing, with the same reason', () =>
    withWorker(0, async (tenant) => {
      const cost = procoreCost();
      const error = { code: 'vendor_not_mapped', message: 'Vendor Acme is not mapped.', hint: 'Map it.', blockedBy: { kind: 'vendor', name: 'Acme' } };
      await tenant.api.post('/v1/ingest', { records: [{ ref: cost, state: 'failed', error }] });
      expect(await push(tenant, cost)).toMatchObject({ state: 'failed', error });
    }));

  it('fails pushes at the configured rate with a reason and a hint', () =>
    withWorker(1, async (tenant) => {
      const job = await push(tenant, procoreCost());
      expect(job).toMatchObject({ state: 'failed', error: { code: 'erp_rejected', hint: expect.stringContaining('re-sync') } });
    }));

  it('fails an accounting record with no Procore project mapped, saying what to do', () =>
    withWorker(0, async (tenant) => {
      expect(await push(tenant, xeroBill())).toMatchObject({ state: 'failed', error: { code: 'project_not_mapped' } });
    }));
});
