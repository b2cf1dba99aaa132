// Opens the service's database: embedded PGlite in a folder (or in memory, for tests) by default,
// PostgreSQL when a connection URL is given. Migrations are applied before anything else runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
/** Any fixed number: instances starting together on one PostgreSQL take turns to migrate. */
const MIGRATION_LOCK = 7_406_211;

/**
 * Runs raw SQL and returns its rows. Both drivers answer { rows }, but the shared database type
 * cannot know the row shape: the caller states it.
 */
export async function queryRows<Row>(db: Pick<Database, 'execute'>, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: Row[] }).rows;
}

/** The driver under a database that openDatabase opened: its engine, and rows as arrays from it. */
interface Driver {
  engine: Engine;
  arrays(name: string, text: string, params: unknown[]): Promise<unknown[][]>;
}

const drivers = new WeakMap<Database, Driver>();
const dialect = new PgDialect();

/** The engine under a database that openDatabase opened (PostgreSQL is assumed for any other). */
export const engineOf = (db: Database): Engine => drivers.get(db)?.engine ?? 'postgres';

/**
 * Runs raw SQL and returns its rows as arrays of values, in the order of its columns, as the driver
 * parses them. PostgreSQL keeps the statement prepared under this name on each connection (one
 * name, one text), so a hot query is parsed and planned once per connection instead of every time;
 * PGlite has no named statements.
 */
export async function queryArrays(db: Database, name: string, query: SQL): Promise<unknown[][]> {
  const driver = drivers.get(db);
  if (!driver) throw new Error('queryArrays needs a database that openDatabase opened');
  const { sql: text, params } = dialect.sqlToQuery(query);
  return driver.arrays(name, text, params);
}

/**
 * dataCacheMb: the memory the embedded database keeps pages in (its shared_buffers; PGlite's own
 * default is 128 MB). A page it does not hold costs a file read, 10 to 20 us each on our machine,
 * where a cached one costs well under one: a look-up of 500 scattered keys at 1M records missed
 * about 400 pages of 128 MB. The records table and its indexes take about 700 MB per million
 * records. The memory is taken at start, used or not.
 */
export type DatabaseLocation = { databaseUrl: string } | { dataDir: string; dataCacheMb?: number } | { inMemory: true };

export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  if ('databaseUrl' in location) return openPostgres(location.databaseUrl);
  if ('dataDir' in location) {
    const release = lockDataDir(location.dataDir);
    const { dataCacheMb } = location;
    const startParams = dataCacheMb === undefined ? undefined : [...PGlite.defaultStartParams, '-c', `shared_buffers=${dataCacheMb}MB`];
    try {
      return await openPglite(new PGlite(path.join(location.dataDir, 'pglite'), { startParams }), release);
    } catch (error) {
      release();
      throw error;
    }
  }
  return openPglite(new PGlite(), () => {});
}

async function openPglite(client: PGlite, release: () => void): Promise<OpenDatabase> {
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  drivers.set(db, {
    engine: 'pglite',
    arrays: async (_name, text, params) => (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows,
  });
  return {
    db: db as unknown as Database,
    engine: 'pglite',
    async close() {
      await client.close();
      release();
    },
  };
}

async function openPostgres(connectionString: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // PostgreSQL may end an idle connection (a restart, a fail-over, an administrator): the pool drops
  // it and the next query opens another. Unheard, pg's 'error' event would end the whole service.
  pool.on('error', (error) => console.error('[sync-status] a database connection was closed by the server; the next query opens another:', error.message));
  const db = drizzlePg({ client: pool, schema });
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(db, { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lockClient.release();
  }
  await db.execute(sql`select 1`);
  drivers.set(db, {
    engine: 'postgres',
    arrays: async (name, text, params) => (await pool.query<unknown[]>({ name, text, values: params, rowMode: 'array' })).rows,
  });
  return {
    db: db as unknown as Database,
    engine: 'postgres',
    close: () => pool.end(),
  };
}
