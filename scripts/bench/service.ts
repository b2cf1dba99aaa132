// The sync-status service for the benchmark, as users run it: a process of its own started by
// `npm run server`'s entry point, with the embedded database in a fresh folder, so that its work
// never shares a thread with the browser's driver. The extension reaches it through a proxy that
// passes everything on and writes down each request: the benchmark counts and times look-ups.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { IngestRecord } from '../../lib/contract/api';
import { startFaultProxy } from '../../e2e/fault-proxy';
import { root, startServiceProcess, stopServiceProcess, tempDataDir } from '../../server/test/service-process';

export interface BenchService {
  /** Where the extension signs in (the counting proxy). */
  url: string;
  /** A bookkeeper's token: read, push and lock. */
  token: string;
  /** Each look-up so far: when it arrived and was answered (epoch ms), and how many references it carried. */
  lookupLog(): { at: number; answeredAt: number | null; refs: number }[];
  /** Reports records as the integration would, through the API. */
  report(records: IngestRecord[]): Promise<void>;
  stop(): Promise<void>;
}

const LOOKUP_PATH = '/v1/statuses/lookup';

export async function startBenchService(): Promise<BenchService> {
  const dataDir = tempDataDir();
  // Seeding posts 1,000 records at a time, and a full scroll asks hundreds of times a minute.
  const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '100000', BODY_LIMIT_BYTES: String(4 << 20) };
  const created = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli.ts', 'create-tenant', 'Harbour View Builders (bench)', '--token', 'bookkeeper=read,push,lock', '--token', 'integration=ingest'],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  const tokenOf = (name: string) => created.stdout.match(new RegExp(`Token "${name}" \\([^)]*\\): (\\S+)`))?.[1];
  const [token, integrationToken] = [tokenOf('bookkeeper'), tokenOf('integration')];
  if (created.status !== 0 || !token || !integrationToken) throw new Error(`Could not create the bench's tenant:\n${created.stdout}${created.stderr}`);

  const service = await startServiceProcess(env);
  const proxy = await startFaultProxy(service.url);
  return {
    url: proxy.url,
    token,
    lookupLog: () =>
      proxy
        .received()
        .filter((request) => request.method === 'POST' && request.path === LOOKUP_PATH)
        .map(({ at, answeredAt, body }) => ({ at, answeredAt, refs: (JSON.parse(body) as { refs: unknown[] }).refs.length })),
    async report(records) {
      const response = await fetch(`${service.url}/v1/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${integrationToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ records }),
      });
      if (!response.ok) throw new Error(`The service refused the bench's records: ${response.status} ${await response.text()}`);
    },
    async stop() {
      await proxy.stop();
      await stopServiceProcess(service.child, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
