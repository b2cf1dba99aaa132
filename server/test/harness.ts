// Runs the service in-process against each database engine: PGlite in memory always, and a real
// PostgreSQL when TEST_DATABASE_URL is set (npm test starts one). Each test gets fresh tenants, so
// tests never see each other's data.
import type { Scope } from '../../lib/contract/api';
import { type App, createApp } from '../src/app';
import { type Database, type Engine, type OpenDatabase, openDatabase } from '../src/db/connect';
import { createTenant, createToken } from '../src/store/tenants';

export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = any>(path: string): Promise<Answer<T>>;
  post<T = any>(path: string, body: unknown): Promise<Answer<T>>;
  delete<T = any>(path: string): Promise<Answer<T>>;
}

export interface TestTenant {
  tenantId: string;
  /** A client whose token has every scope. */
  api: Client;
  /** A client whose token has only these scopes. */
  withScopes(...scopes: Scope[]): Promise<Client>;
  tokens: { all: { id: string; token: string } };
}

export interface TestService {
  app: App;
  database: OpenDatabase;
  newTenant(name?: string): Promise<TestTenant>;
  client(token: string | null): Client;
  close(): Promise<void>;
}

/** A client of the service's API, whether it answers in this process or over the network. */
export function apiClient(fetchPath: (path: string, init: RequestInit) => Response | Promise<Response>, token: string | null): Client {
  const send = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchPath(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    delete: (path) => send('DELETE', path),
  };
}

/** A fresh tenant and its "Test user" token with every scope, written straight into the database. */
export async function createTestTenant(db: Database, name: string) {
  const tenant = await createTenant(db, name);
  const all = await createToken(db, tenant.id, 'Test user', ['read', 'push', 'lock', 'ingest', 'admin']);
  return { tenantId: tenant.id, all };
}

export async function startService(engine: Engine, limits = { rateLimitPerMinute: 100_000, bodyLimitBytes: 2 * 1024 * 1024 }): Promise<TestService> {
  const database = await openDatabase(
    engine === 'postgres' ? { databaseUrl: process.env.TEST_DATABASE_URL as string } : { inMemory: true },
  );
  const app = createApp({ db: database.db, engine, config: limits });

  const client = (token: string | null) => apiClient((path, init) => app.request(path, init), token);

  return {
    app,
    database,
    client,
    async newTenant(name = 'Test tenant') {
      const { tenantId, all } = await createTestTenant(database.db, name);
      return {
        tenantId,
        api: client(all.token),
        tokens: { all },
        async withScopes(...scopes) {
          return client((await createToken(database.db, tenantId, `Only ${scopes.join('+')}`, scopes)).token);
        },
      };
    },
    close: () => database.close(),
  };
}
