// The sync-status service's HTTP application: routes, access control, limits, errors in one
// shape, and the OpenAPI document generated from the shared contract.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config';
import type { Database, Engine } from './db/connect';
import { Refusal } from './errors';
import { type AppEnv, authenticate, rateLimit } from './http/access';
import { renderDocsPage } from './http/docs-page';
import { registerAccountRoutes } from './routes/account';
import { registerIntegrationRoutes } from './routes/integration';
import { registerPushRoutes } from './routes/pushes';
import { registerRecordRoutes } from './routes/records';

const API_VERSION = '1.0.0';

interface AppOptions {
  db: Database;
  engine: Engine;
  config: Pick<Config, 'rateLimitPerMinute' | 'bodyLimitBytes'>;
}

const httpCodes: Partial<Record<number, string>> = {
  400: 'malformed_json',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

export function createApp({ db, engine, config }: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      const where = issues[0]?.path ? ` at ${issues[0].path}` : '';
      throw new Refusal(400, 'invalid_request', `The request breaks the contract${where}: ${issues[0]?.message ?? ''}`, {
        issues,
      });
    },
  });

  app.onError((error, c) => {
    if (error instanceof Refusal) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(error.toBody(), error.status);
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      return c.json({ code: httpCodes[status] ?? 'http_error', message: error.message }, status);
    }
    console.error('[sync-status] unexpected error', c.req.method, c.req.path, error);
    return c.json({ code: 'internal_error', message: 'The service failed unexpectedly; the error is in its log.' }, 500);
  });

  app.notFound((c) => c.json({ code: 'not_found', message: `No endpoint ${c.req.method} ${c.req.path}.` }, 404));

  // Any origin may call: access is by bearer token only, never cookies, so a page gains nothing
  // without a token. This lets the extension reach the service without a host permission.
  app.use(
    '/v1/*',
    cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], exposeHeaders: ['Retry-After'], maxAge: 600 }),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: () => {
        throw new Refusal(413, 'payload_too_large', `Request bodies are limited to ${config.bodyLimitBytes} bytes.`);
      },
    }),
  );
  app.use('/v1/*', authenticate(db));
  app.use('/v1/*', rateLimit(config.rateLimitPerMinute));
  // PostgreSQL stores no NUL character in text or JSON: refused here, whatever field it is in, rather
  // than failing at the database. JSON writes it as \u0000 (an escaped backslash before it is text).
  app.use('/v1/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && /(?:^|[^\\])(?:\\\\)*\\u0000/.test(await c.req.text())) {
      throw new Refusal(400, 'invalid_request', 'Text may not contain the NUL character (\\u0000).');
    }
    await next();
  });

  registerRecordRoutes(app, db);
  registerPushRoutes(app, db);
  registerIntegrationRoutes(app, db);
  registerAccountRoutes(app, db);

  app.get('/healthz', (c) => c.json({ status: 'ok', engine, version: API_VERSION }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Sync-status service',
      version: API_VERSION,
      description:
        'Whether each Procore, Xero and Zoho Books record is synced with its counterpart in the other system; ' +
        'pushes, locks, history and errors. Integrations report statuses and run push jobs.',
    },
  };
  app.doc31('/openapi.json', documentConfig);
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(documentConfig) as never)));
  return app;
}

export type App = ReturnType<typeof createApp>;
