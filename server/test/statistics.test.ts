import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connect';
import { analyzeStaleTables } from '../src/db/statistics';
import { startService, type TestService } from './harness';
import { procoreCost } from './refs';

// Only the embedded engine needs this (PostgreSQL has autovacuum), and its database is the test's own.
describe('planner statistics of the embedded database', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService('pglite');
  });
  afterAll(() => service.close());

  it('analyzes the tables that changed enough since their last analysis, and then nothing more', async () => {
    const { api } = await service.newTenant();
    const records = Array.from({ length: 400 }, () => ({ ref: procoreCost(), state: 'not_synced' }));
    expect((await api.post('/v1/ingest', { records })).status).toBe(200);
    expect(await analyzeStaleTables(service.database.db)).toContain('records');
    const analyzed = await queryRows<{ last_analyze: unknown }>(
      service.database.db,
      sql`select last_analyze from pg_stat_user_tables where relname = 'records'`,
    );
    expect(analyzed[0]?.last_analyze).not.toBeNull();
    expect(await analyzeStaleTables(service.database.db)).not.toContain('records');
  });
});
