// The README's "Reliability and security" matrices, written from the last test run: every browser
// test annotated as a fault or an attack, and every Vitest test under a "fault matrix: …" or
// "attack matrix: …" describe, grouped by the row of the matrix they try, with how they ended.
// Run by `npm test` once both suites have run; `node scripts/matrix-report.mjs` redoes it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const START = '<!-- matrix:start (written by scripts/matrix-report.mjs from the last `npm test`) -->';
const END = '<!-- matrix:end -->';

/** @typedef {{ kind: 'fault' | 'attack', row: string, file: string, test: string, passed: boolean }} Tried */

/** @typedef {{ type: string, description?: string }} Annotation */
/** @typedef {{ projectName: string, status: string, annotations?: Annotation[], results: { annotations?: Annotation[] }[] }} PlaywrightTest */
/** @typedef {{ specs?: { title: string, file: string, tests: PlaywrightTest[] }[], suites?: PlaywrightSuite[] }} PlaywrightSuite */
/** @typedef {{ testResults?: { name: string, assertionResults?: { ancestorTitles?: string[], title: string, fullName: string, status: string }[] }[] }} VitestReport */

/** @param {string} file */
const readJson = (file) => /** @type {unknown} */ (JSON.parse(readFileSync(file, 'utf8')));

/** Browser tests: one entry per annotation of type fault or attack. @param {PlaywrightSuite} report @returns {Tried[]} */
function fromPlaywright(report) {
  /** @type {Tried[]} */
  const tried = [];
  const walk = (/** @type {PlaywrightSuite} */ suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const passed = test.status === 'expected' || test.status === 'flaky';
        const file = path.basename(spec.file);
        const name = `${test.projectName} ${spec.title}`;
        // Annotations added while the test runs are reported on its result, declared ones on the test.
        const annotations = [...(test.annotations ?? []), ...(test.results.at(-1)?.annotations ?? [])];
        for (const { type, description } of annotations) {
          if ((type === 'fault' || type === 'attack') && description) tried.push({ kind: type, row: description, file, test: name, passed });
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return tried;
}

/** Vitest tests under a "fault matrix: row" or "attack matrix: row" describe. @param {VitestReport} report @returns {Tried[]} */
function fromVitest(report) {
  /** @type {Tried[]} */
  const tried = [];
  for (const file of report.testResults ?? []) {
    for (const result of file.assertionResults ?? []) {
      for (const title of result.ancestorTitles ?? []) {
        const match = /^(fault|attack) matrix: (.+)$/.exec(title);
        if (!match) continue;
        const kind = /** @type {'fault' | 'attack'} */ (match[1]);
        const row = /** @type {string} */ (match[2]);
        tried.push({ kind, row, file: path.basename(file.name), test: result.fullName, passed: result.status === 'passed' });
      }
    }
  }
  return tried;
}

/** @param {Tried[]} tried @param {'fault' | 'attack'} kind */
function table(tried, kind) {
  /** @type {Map<string, Tried[]>} */
  const rows = new Map();
  for (const entry of tried.filter((t) => t.kind === kind)) rows.set(entry.row, [...(rows.get(entry.row) ?? []), entry]);
  const outcome = kind === 'fault' ? 'survived' : 'refused';
  const lines = [`| ${kind === 'fault' ? 'fault' : 'attack'} | tests | ${outcome} |`, '|---|---|---|'];
  for (const [row, entries] of rows) {
    const passed = entries.filter((e) => e.passed).length;
    const verdict = passed === entries.length ? `yes (${passed} of ${entries.length})` : `**no: ${entries.length - passed} of ${entries.length} failed**`;
    /** @type {Map<string, number>} */
    const perFile = new Map();
    for (const e of entries) perFile.set(e.file, (perFile.get(e.file) ?? 0) + 1);
    const tests = [...perFile].map(([file, n]) => `${file} (${n})`).join(', ');
    lines.push(`| ${row.replaceAll('|', '\\|')} | ${tests} | ${verdict} |`);
  }
  return { lines, rows: rows.size, tests: tried.filter((t) => t.kind === kind) };
}

/** Rewrites the README's matrices from reports/e2e.json and reports/unit.json; false when a report is missing. */
export function writeMatrixReport(reports = 'reports', readme = 'README.md') {
  const e2eFile = `${reports}/e2e.json`;
  const unitFile = `${reports}/unit.json`;
  if (!existsSync(e2eFile) || !existsSync(unitFile)) return false;
  // A runtime annotation may be reported both on the test and on its result: each counts once.
  const e2e = /** @type {PlaywrightSuite} */ (readJson(e2eFile));
  const unit = /** @type {VitestReport} */ (readJson(unitFile));
  const all = [...fromPlaywright(e2e), ...fromVitest(unit)];
  const tried = [...new Map(all.map((t) => [`${t.kind} ${t.row} ${t.file} ${t.test}`, t])).values()];
  const faults = table(tried, 'fault');
  const attacks = table(tried, 'attack');
  const survived = faults.tests.filter((t) => t.passed).length;
  const refused = attacks.tests.filter((t) => t.passed).length;
  const section = [
    START,
    `Faults tried: ${faults.rows} kinds in ${faults.tests.length} tests, ${survived} survived. Attacks tried: ${attacks.rows} kinds in ${attacks.tests.length} tests, ${refused} refused.`,
    '',
    '#### Fault matrix',
    '',
    ...faults.lines,
    '',
    '#### Attack matrix',
    '',
    ...attacks.lines,
    END,
  ].join('\n');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START.slice(0, 20));
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${readme} has no matrix markers (${START.slice(0, 20)} … ${END})`);
  writeFileSync(readme, text.slice(0, start) + section + text.slice(end + END.length));
  writeFileSync(`${reports}/matrix.md`, `${section}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!writeMatrixReport()) {
    console.error('No test results: run `npm test` first.');
    process.exit(1);
  }
  console.info('README.md matrices rewritten from reports/e2e.json and reports/unit.json.');
}
