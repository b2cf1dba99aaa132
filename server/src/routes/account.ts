// The caller's own account: who the token is, the change feed, the error summary, and tokens.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  changesQuerySchema,
  changesResponseSchema,
  createdTokenSchema,
  createTokenRequestSchema,
  errorSummaryResponseSchema,
  meResponseSchema,
} from '../../../lib/contract/api';
import type { Database } from '../db/connect';
import { notFound } from '../errors';
import { type AppEnv, requireScope } from '../http/access';
import { bearer, errorAnswers, jsonAnswer, jsonBody } from '../http/openapi';
import { errorSummary } from '../store/error-summary';
import { changesSince, latestChange } from '../store/lookup';
import { createToken, revokeToken } from '../store/tenants';

const tags = ['Account'];

const me = createRoute({
  method: 'get',
  path: '/v1/me',
  tags,
  summary: 'Who this token belongs to and what it may do',
  description: 'Any scope. The extension shows this after sign-in.',
  security: bearer,
  responses: { 200: jsonAnswer(meResponseSchema, 'Tenant and token'), ...errorAnswers() },
});

const changes = createRoute({
  method: 'get',
  path: '/v1/changes',
  tags,
  summary: 'Records changed since a cursor',
  description:
    'Scope: read. Start with after=0 (or the cursor of your last call, or after=latest to follow only what changes ' +
      'from now) and repeat while hasMore. Cursors follow ' +
    'commit order, so nothing committed is skipped.',
  security: bearer,
  middleware: requireScope('read'),
  request: { query: changesQuerySchema },
  responses: { 200: jsonAnswer(changesResponseSchema, 'Changed records'), ...errorAnswers(403) },
});

const errors = createRoute({
  method: 'get',
  path: '/v1/errors/summary',
  tags,
  summary: 'Failed records grouped by record type and error code',
  description: 'Scope: read. Each group has a count, a hint, the records, and what they depend on.',
  security: bearer,
  middleware: requireScope('read'),
  responses: { 200: jsonAnswer(errorSummaryResponseSchema, 'The summary'), ...errorAnswers(403) },
});

const newToken = createRoute({
  method: 'post',
  path: '/v1/tokens',
  tags,
  summary: 'Create an API token for this tenant',
  description: 'Scope: admin. The token is in the answer once; only its hash is kept.',
  security: bearer,
  middleware: requireScope('admin'),
  request: jsonBody(createTokenRequestSchema),
  responses: { 201: jsonAnswer(createdTokenSchema, 'The new token'), ...errorAnswers(403) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/v1/tokens/{id}',
  tags,
  summary: 'Revoke an API token of this tenant',
  description: 'Scope: admin. The token stops working at once, on every instance.',
  security: bearer,
  middleware: requireScope('admin'),
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Revoked' }, ...errorAnswers(403, 404) },
});

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, db: Database) {
  app.openapi(me, (c) => {
    const caller = c.get('caller');
    return c.json(
      {
        tenant: { id: caller.tenantId, name: caller.tenantName },
        token: { id: caller.tokenId, name: caller.tokenName, scopes: caller.scopes },
      },
      200,
    );
  });

  app.openapi(changes, async (c) => {
    const { after, limit } = c.req.valid('query');
    const { tenantId } = c.get('caller');
    // A client that only wants what happens from now on (the extension) starts from here.
    if (after === 'latest') return c.json({ changes: [], cursor: String(await latestChange(db, tenantId)), hasMore: false }, 200);
    return c.json(await changesSince(db, tenantId, Number(after), limit), 200);
  });

  app.openapi(errors, async (c) => c.json(await errorSummary(db, c.get('caller').tenantId), 200));

  app.openapi(newToken, async (c) => {
    const { name, scopes } = c.req.valid('json');
    return c.json(await createToken(db, c.get('caller').tenantId, name, scopes), 201);
  });

  app.openapi(revoke, async (c) => {
    if (!(await revokeToken(db, c.get('caller').tenantId, c.req.valid('param').id))) throw notFound('The token');
    return c.body(null, 204);
  });
}
