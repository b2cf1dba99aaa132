// `npm test`: every check the project has, in the order that fails fastest, on a fresh clone.
// Installs what it needs first, then: lint, type-check, unit and service tests (PGlite and
// PostgreSQL), both builds, browser tests.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeMatrixReport } from './matrix-report.mjs';
import { startPostgres } from './postgres.mjs';
import { ensureChromium, ensureDependencies, run } from './setup.mjs';

const results = 'reports';

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */
/** @typedef {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number }} VitestReport */
/** @typedef {{ stats: { expected: number, unexpected: number, flaky: number, skipped: number } }} PlaywrightReport */

/** @param {string} file */
function readJson(file) {
  return /** @type {unknown} */ (JSON.parse(readFileSync(file, 'utf8')));
}

/** @returns {{ unit: Counts, e2e: Counts | null }} */
function counts() {
  const unit = /** @type {VitestReport} */ (readJson(`${results}/unit.json`));
  const e2eFile = `${results}/e2e.json`;
  const e2e = existsSync(e2eFile) ? /** @type {PlaywrightReport} */ (readJson(e2eFile)).stats : null;
  return {
    unit: {
      passed: unit.numPassedTests,
      failed: unit.numFailedTests,
      skipped: unit.numPendingTests + unit.numTodoTests,
    },
    e2e: e2e && { passed: e2e.expected + e2e.flaky, failed: e2e.unexpected, skipped: e2e.skipped },
  };
}

/** @param {string} name @param {Counts} c */
function line(name, c) {
  return `${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

async function main() {
  ensureDependencies();
  await ensureChromium();
  rmSync(results, { recursive: true, force: true });
  run('npx', ['eslint', '.']);
  run('npx', ['wxt', 'prepare']);
  run('npx', ['tsc', '--noEmit']);
  // The service's tests run on embedded PGlite and on a real PostgreSQL started here.
  const postgres = await startPostgres();
  try {
    run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`], {
      env: { ...process.env, TEST_DATABASE_URL: postgres.url },
    });
  } finally {
    postgres.stop();
  }
  run('npx', ['wxt', 'build', '-b', 'firefox']);
  run('npx', ['wxt', 'build']); // last, so the e2e tests load a fresh Chrome build
  try {
    run('npx', ['playwright', 'test']);
  } finally {
    const { unit, e2e } = counts();
    console.info(`\n${line('vitest', unit)}`);
    if (e2e) console.info(line('e2e', e2e));
    const all = /** @type {Counts[]} */ ([unit, e2e].filter(Boolean));
    const sum = (/** @type {keyof Counts} */ key) => all.reduce((total, c) => total + c[key], 0);
    console.info(line('tests', { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }));
    if (writeMatrixReport()) console.info("README.md's reliability and security matrices rewritten from this run (reports/matrix.md).");
  }
}

main().catch((error) => {
  console.error(`\nnpm test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
