// For integration engines: report statuses, links and events; claim push jobs and complete them.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  claimRequestSchema,
  claimResponseSchema,
  completeRequestSchema,
  ingestRequestSchema,
  ingestResponseSchema,
} from '../../../lib/contract/api';
import { jobSchema } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { type AppEnv, requireScope } from '../http/access';
import { bearer, errorAnswers, jsonAnswer, jsonBody } from '../http/openapi';
import { claimJobs, completeJob } from '../store/jobs';
import { ingest } from '../store/ingest';

const tags = ['Integration'];

const ingestRoute = createRoute({
  method: 'post',
  path: '/v1/ingest',
  tags,
  summary: 'Report record statuses, links and events (up to 1,000 each)',
  description:
    'Scope: ingest. A record reported with a counterpart is linked to it both ways. One transaction: an invalid ' +
    'item rejects the whole batch and nothing is written.',
  security: bearer,
  middleware: requireScope('ingest'),
  request: jsonBody(ingestRequestSchema),
  responses: { 200: jsonAnswer(ingestResponseSchema, 'What was written'), ...errorAnswers(403) },
});

const claim = createRoute({
  method: 'post',
  path: '/v1/worker/jobs/claim',
  tags,
  summary: 'Claim queued push jobs under a lease',
  description:
    'Scope: ingest. Jobs whose lease ran out are handed out again; after 5 attempts a job fails as worker_gave_up. ' +
    'Concurrent workers never receive the same job (FOR UPDATE SKIP LOCKED).',
  security: bearer,
  middleware: requireScope('ingest'),
  request: jsonBody(claimRequestSchema),
  responses: { 200: jsonAnswer(claimResponseSchema, 'The claimed jobs, oldest first'), ...errorAnswers(403) },
});

const complete = createRoute({
  method: 'post',
  path: '/v1/worker/jobs/{id}/complete',
  tags,
  summary: 'Complete a claimed job with its counterpart or a structured failure',
  description:
    'Scope: ingest. Repeating the same completion answers the finished job; a different one is refused with 409. ' +
    'A worker whose lease ran out and was taken over gets 409 lease_lost.',
  security: bearer,
  middleware: requireScope('ingest'),
  request: { params: z.object({ id: z.uuid() }), ...jsonBody(completeRequestSchema) },
  responses: { 200: jsonAnswer(jobSchema, 'The finished job'), ...errorAnswers(403, 404, 409) },
});

export function registerIntegrationRoutes(app: OpenAPIHono<AppEnv>, db: Database) {
  app.openapi(ingestRoute, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    return c.json(await ingest(db, tenantId, tokenName, c.req.valid('json')), 200);
  });

  app.openapi(claim, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    const jobs = await claimJobs(db, { ...c.req.valid('json'), tenantId, actor: tokenName });
    return c.json({ jobs: jobs.map(({ tenantId: _tenant, ...job }) => job) }, 200);
  });

  app.openapi(complete, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    const { workerId, outcome } = c.req.valid('json');
    return c.json(await completeJob(db, tenantId, tokenName, c.req.valid('param').id, workerId, outcome), 200);
  });
}
