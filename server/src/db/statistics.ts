// PGlite has no autovacuum, so nothing refreshes the planner's statistics by itself; without them
// a 500-record look-up was measured 5 to 20 times slower. The embedded service keeps them itself,
// by autovacuum's own rule: analyze a table once more than 50 rows + 10% of it changed.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './connect';

export async function analyzeStaleTables(db: Database): Promise<string[]> {
  // Table counters are flushed lazily; ask for them to be current before reading them.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const stale = await queryRows<{ relname: string }>(
    db,
    sql`select relname from pg_stat_user_tables
        where schemaname = 'public' and n_mod_since_analyze > 50 + 0.1 * n_live_tup
        order by relname`,
  );
  const tables = stale.map((row) => row.relname);
  for (const table of tables) await db.execute(sql`analyze ${sql.identifier(table)}`);
  return tables;
}

/** Refreshes statistics now and then every interval, until stopped. */
export function keepStatistics(db: Database, intervalMs: number, log: (message: string) => void) {
  let running = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => analyzeStaleTables(db))
      .then(
        () => undefined,
        (error: unknown) => log(`Could not refresh the database statistics: ${String(error)}`),
      );
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    /** Resolves once the current refresh is done. */
    settled: () => running,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
