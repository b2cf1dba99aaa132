// A private PostgreSQL cluster on loopback for the service's tests and benchmarks: installs
// Debian's postgresql when it is missing (as root), creates a cluster in a temporary folder,
// starts it, and gives back its URL and a stop function.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from './setup.mjs';

const binRoot = '/usr/lib/postgresql';

function serverBin() {
  if (!existsSync(binRoot)) return null;
  const versions = readdirSync(binRoot)
    .filter((v) => existsSync(path.join(binRoot, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(binRoot, versions[0], 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL's tools refuse to run as root: run them as the postgres user then.
 * @param {string[]} args @returns {[string, string[]]}
 */
const asPostgres = (args) => (isRoot() ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0] ?? '', args.slice(1)]);

/** @returns {Promise<number>} a loopback port nobody listens on */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * @param {{ database?: string, settings?: string }} [options] settings: extra server options, e.g. "-c shared_buffers=1GB"
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPostgres({ database = 'erp_sync_test', settings = '' } = {}) {
  const port = await freePort();
  let bin = serverBin();
  if (!bin) {
    if (!isRoot() || !existsSync('/etc/debian_version')) {
      throw new Error('PostgreSQL is needed for the service tests: install it (apt-get install -y postgresql).');
    }
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = serverBin();
    if (!bin) throw new Error('postgresql was installed but no initdb was found under /usr/lib/postgresql.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'erp-sync-pg-'));
  if (isRoot()) run('chown', ['postgres:postgres', dataDir]);
  const pg = (/** @type {string[]} */ ...args) => {
    const [command, rest] = asPostgres(args);
    run(command, rest, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  pg(`${bin}/initdb`, '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8');
  pg(`${bin}/pg_ctl`, '-D', dataDir, '-l', `${dataDir}/server.log`, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dataDir} ${settings}`, '-w', 'start');
  const stop = () => {
    pg(`${bin}/pg_ctl`, '-D', dataDir, '-m', 'fast', '-w', 'stop');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    pg(`${bin}/psql`, '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qc', `create database ${database}`);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, stop };
}
