// Pushing records to the other system, and following the jobs that do it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { pushRequestSchema, pushResponseSchema } from '../../../lib/contract/api';
import { jobSchema } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { type AppEnv, requireScope } from '../http/access';
import { bearer, errorAnswers, jsonAnswer, jsonBody } from '../http/openapi';
import { getJob, queuePushes } from '../store/jobs';

const tags = ['Pushes'];

const push = createRoute({
  method: 'post',
  path: '/v1/pushes',
  tags,
  summary: 'Push one or many records to the other system',
  description:
    'Scope: push. Idempotent per idempotencyKey: sending a key again returns its job. A record with a push in flight ' +
    'answers that push. All or nothing: a locked record (409 record_locked) or a synced one without force ' +
    '(409 already_synced) refuses the whole batch, and details.refusals lists each.',
  security: bearer,
  middleware: requireScope('push'),
  request: jsonBody(pushRequestSchema),
  responses: { 200: jsonAnswer(pushResponseSchema, 'One job per push, in order'), ...errorAnswers(403, 409, 422) },
});

const job = createRoute({
  method: 'get',
  path: '/v1/jobs/{id}',
  tags,
  summary: 'The state of a push job',
  description: 'Scope: read.',
  security: bearer,
  middleware: requireScope('read'),
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonAnswer(jobSchema, 'The job'), ...errorAnswers(403, 404) },
});

export function registerPushRoutes(app: OpenAPIHono<AppEnv>, db: Database) {
  app.openapi(push, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    return c.json({ jobs: await queuePushes(db, tenantId, tokenName, c.req.valid('json').pushes) }, 200);
  });

  app.openapi(job, async (c) => {
    const { tenantId } = c.get('caller');
    return c.json(await getJob(db, tenantId, c.req.valid('param').id), 200);
  });
}
