// `npm run server`: the sync-status service. Embedded database in DATA_DIR unless DATABASE_URL
// points at PostgreSQL; the sandbox worker when SANDBOX_WORKER=1. See the README for every setting.
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/connect';
import { keepStatistics } from './db/statistics';
import { startSandboxWorker } from './sandbox-worker';

async function main() {
  const config = readConfig();
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, dataCacheMb: config.dataCacheMb },
  );
  // PostgreSQL's autovacuum keeps statistics; the embedded engine has none, so the service does.
  const statistics = database.engine === 'pglite' ? keepStatistics(database.db, 60_000, (m) => console.warn(m)) : null;
  await statistics?.settled();
  const app = createApp({ db: database.db, engine: database.engine, config });
  const sandbox = config.sandbox.enabled
    ? startSandboxWorker(database.db, { ...config.sandbox, log: (m) => console.warn(m) })
    : null;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where = database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
    console.info(`Sync-status service listening on http://${config.host}:${info.port} (${where})`);
    console.info(`API documentation: http://${config.host}:${info.port}/docs`);
    if (sandbox) console.info(`Sandbox worker on: pushes finish after ${config.sandbox.delayMs} ms`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: stopping`);
    server.close();
    await sandbox?.stop();
    await statistics?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
