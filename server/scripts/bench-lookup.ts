// `npm run bench:service`: batch look-up latency for 500 references with 100k and 1M stored records,
// on embedded PGlite and on PostgreSQL. Two patterns: a page (500 neighbouring records, as a list
// page shows) and scattered (500 records anywhere: the worst case for caches). Then throughput:
// look-ups per second that concurrent clients get over HTTP from the app served as `npm run server`
// serves it (one process), the clients in a thread of their own so that the two share the
// machine's cores. Prints a table and writes reports/bench-service.json. A benchmark, not a test:
// it reports figures beside their targets and never fails on them.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import type { RecordRef } from '../../lib/contract/records';
import { startPostgres } from '../../scripts/postgres.mjs';
import { createApp } from '../src/app';
import { type OpenDatabase, openDatabase } from '../src/db/connect';
import { analyzeStaleTables } from '../src/db/statistics';
import { lookupStatuses } from '../src/store/lookup';
import { createTenant, createToken } from '../src/store/tenants';

const SIZES = [100_000, 1_000_000];
const BATCH = 500;
const ROUNDS = 200;
const PROJECT = '598134325548164';
const FIRST_ID = 598134300000000;
const targets: Record<string, number> = { pglite: 10, postgres: 5 };
/** Concurrent clients for the throughput figure, and how long they ask (after a second's warm-up). */
const CLIENTS = 16;
const THROUGHPUT_SECONDS = 5;
/** Production-like settings: either engine's 128 MB default holds a fifth of a million-record table. */
const POSTGRES_SETTINGS = '-c shared_buffers=1GB';
const PGLITE_CACHE_MB = 1024;

async function load(database: OpenDatabase, engine: 'pglite' | 'postgres', tenantId: string, from: number, to: number) {
  // Written in slices so neither engine holds one enormous transaction.
  for (let start = from; start <= to; start += 100_000) {
    const end = Math.min(to, start + 99_999);
    await database.db.execute(sql`
      insert into records (tenant_id, key, ref, system, record_type, number, url, state, counterpart, differences, seq, updated_at)
      select ${tenantId}, 'procore/direct_cost/' || ${PROJECT} || '/' || (${FIRST_ID}::bigint + g),
        jsonb_build_object('system', 'procore', 'recordType', 'direct_cost', 'projectId', ${PROJECT}::text, 'recordId', (${FIRST_ID}::bigint + g)::text),
        'procore', 'direct_cost', 'DC-' || g, 'https://app.procore.com/' || ${PROJECT} || '/project/direct_costs/' || (${FIRST_ID}::bigint + g),
        case when g % 10 = 0 then 'failed' when g % 7 = 0 then 'not_synced' else 'synced' end,
        case when g % 7 = 0 or g % 10 = 0 then null else jsonb_build_object('ref', jsonb_build_object('system', 'xero', 'recordType', 'bill',
          'recordId', md5(g::text)::uuid::text), 'number', 'BILL-' || g, 'url', 'https://go.xero.com/AccountsPayable/Edit.aspx?InvoiceID=' || md5(g::text)::uuid::text) end,
        '[]'::jsonb, g, now()
      from generate_series(${start}::int, ${end}::int) g`);
  }
  await database.db.execute(sql`update tenants set change_seq = ${to} where id = ${tenantId}`);
  await analyzeStaleTables(database.db); // as the embedded service does every minute
  // PostgreSQL's autovacuum would otherwise visit the freshly written table during the first
  // measurements (a production table of a million records is long past that).
  if (engine === 'postgres') await database.db.execute(sql`vacuum (analyze) records`);
}

type Pattern = 'page' | 'scattered';

/** 500 references; one in ten is a record the service has never seen, as on a real page. */
function batch(size: number, pattern: Pattern): RecordRef[] {
  const start = 1 + Math.floor(Math.random() * (size - BATCH));
  return Array.from({ length: BATCH }, (_, i) => {
    const known = pattern === 'page' ? start + i : 1 + Math.floor(Math.random() * size);
    const n = Math.random() < 0.9 ? known : size + 1 + Math.floor(Math.random() * 1000);
    return { system: 'procore', recordType: 'direct_cost', projectId: PROJECT, recordId: String(FIRST_ID + n) };
  });
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}

async function measure(run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run(); // warm caches and the JIT
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

/**
 * The clients, in a worker thread: each asks, waits for the answer and asks again. Look-ups that end
 * in the measured window count; an answer other than 200 is counted apart.
 */
const CLIENTS_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const from = Date.now() + 1000;
const until = from + w.seconds * 1000;
let done = 0;
let refused = 0;
let next = 0;
async function client() {
  while (Date.now() < until) {
    const response = await fetch(w.url, { method: 'POST', headers: { authorization: 'Bearer ' + w.token, 'content-type': 'application/json' }, body: w.bodies[next++ % w.bodies.length] });
    await response.text();
    const at = Date.now();
    if (at < from || at > until) continue;
    if (response.ok) done++;
    else refused++;
  }
}
Promise.all(Array.from({ length: w.clients }, client)).then(() => parentPort.postMessage({ done, refused }));
`;

async function throughput(app: ReturnType<typeof createApp>, token: string, size: number, pattern: Pattern) {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const bodies = Array.from({ length: 100 }, () => JSON.stringify({ refs: batch(size, pattern) }));
    const workerData = { url: `http://127.0.0.1:${port}/v1/statuses/lookup`, token, bodies, clients: CLIENTS, seconds: THROUGHPUT_SECONDS };
    const worker = new Worker(CLIENTS_SOURCE, { eval: true, workerData });
    const [{ done, refused }] = (await once(worker, 'message')) as [{ done: number; refused: number }];
    await worker.terminate();
    if (refused > 0) console.warn(`throughput: ${refused} look-ups were refused`);
    return done / THROUGHPUT_SECONDS;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function benchEngine(engine: 'pglite' | 'postgres', database: OpenDatabase) {
  const tenant = await createTenant(database.db, 'Benchmark');
  const { token } = await createToken(database.db, tenant.id, 'bench', ['read']);
  const app = createApp({ db: database.db, engine, config: { rateLimitPerMinute: 1e9, bodyLimitBytes: 1 << 22 } });
  const rows = [];
  let loaded = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await load(database, engine, tenant.id, loaded + 1, size);
    loaded = size;
    console.info(`${engine}: ${size.toLocaleString('en')} records loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const pattern of ['page', 'scattered'] as const) {
      const query = await measure(() => lookupStatuses(database.db, tenant.id, batch(size, pattern)));
      const http = await measure(async () => {
        const response = await app.request('/v1/statuses/lookup', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ refs: batch(size, pattern) }),
        });
        await response.text();
      });
      const perSecond = await throughput(app, token, size, pattern);
      rows.push({ engine, records: size, pattern, query, http, perSecond, target: targets[engine] ?? 0 });
    }
  }
  return rows;
}

async function main() {
  const results = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
  const pglite = await openDatabase({ dataDir, dataCacheMb: PGLITE_CACHE_MB });
  try {
    results.push(...(await benchEngine('pglite', pglite)));
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = await startPostgres({ database: 'erp_sync_bench', settings: POSTGRES_SETTINGS });
  try {
    const database = await openDatabase({ databaseUrl: postgres.url });
    try {
      results.push(...(await benchEngine('postgres', database)));
    } finally {
      await database.close();
    }
  } finally {
    postgres.stop();
  }

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.info(`\nLook-up of ${BATCH} references, ${ROUNDS} rounds each. Look-up: the service's query and status building;`);
  console.info(
    `HTTP: the whole request in-process (token check, validation, look-up, JSON). PostgreSQL 15 with ${POSTGRES_SETTINGS}, PGlite with DATA_CACHE_MB=${PGLITE_CACHE_MB}.`,
  );
  console.info(
    `Look-ups/s: ${CLIENTS} concurrent clients over loopback HTTP for ${THROUGHPUT_SECONDS} s against the app in one process, the clients in a thread of their own; ${cpus().length} cores, shared with whatever else runs.\n`,
  );
  console.info('| engine | records | pattern | look-up median | look-up p99 | HTTP median | HTTP p99 | look-ups/s | target (look-up median) |');
  console.info('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const verdict = r.records === 1_000_000 ? (r.query.median <= r.target ? ' met' : ' missed') : '';
    console.info(
      `| ${r.engine} | ${r.records.toLocaleString('en')} | ${r.pattern} | ${ms(r.query.median)} | ${ms(r.query.p99)} | ${ms(r.http.median)} | ${ms(r.http.p99)} | ${Math.round(r.perSecond)} | ${r.target} ms at 1M${verdict} |`,
    );
  }
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench-service.json', JSON.stringify({ batch: BATCH, rounds: ROUNDS, clients: CLIENTS, cores: cpus().length, results }, null, 2));
  console.info('\nWritten to reports/bench-service.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
