// What both README commands need before they start: npm dependencies, installed the way the
// lock file says, and (for the tests) a Chromium. Uses only Node's own modules, since it runs
// before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/**
 * Runs a command with the terminal attached; throws when it fails.
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
  console.info(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
  }
}

/** Installs npm dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json';
  const upToDate = existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs;
  if (!upToDate) run('npm', ['ci', '--no-audit', '--no-fund']);
}

function isDebianRoot() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

/** Installs Debian's chromium when no browser is found and we are allowed to (root on Debian). */
export async function ensureChromium() {
  const { findChromium, installHint } = await import('./chromium.mjs');
  if (await findChromium()) return;
  if (!isDebianRoot()) throw new Error(installHint);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!(await findChromium())) throw new Error(installHint);
}
