// `npm run bench`: what the extension costs and how fast it shows, measured in a real Chromium over
// the fixture pages against the real sync-status service (its own process, as users run it): per kind of list page (Procore's AG Grid,
// Xero's classic table, Zoho's table) at 50, 500 and 5,000 rows, the time until every visible row
// shows its state (cold and warm), the look-ups it sends, the main-thread time and heap it adds
// (against the same page on a look-alike domain, where it does not run, in the same browser), its
// longest task, and the size of what it ships. Writes reports/bench.json and reports/bench.md and
// prints the table. A benchmark, not a test: figures stand beside their targets, it never fails on
// them. `--service` also runs the service's benchmark (slow: it loads a million records).
//   npm run bench -- [--reps 5] [--sizes 50,500,5000] [--pages procore,xero,zoho] [--service]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { type ExtensionHarness, extensionDir, extensionIn, launchWithExtension } from '../e2e/browser';
import type { IngestRecord } from '../lib/contract/api';
import { type BenchPage, benchPages, type Where } from './bench/pages';
import { inPage, type OnScreen, probeScript } from './bench/probe';
import { type BenchService, startBenchService } from './bench/service';
import { type Heap, markdown, type PageResult, type ScriptSize, type Steps } from './bench/report';
import { traceOurTasks } from './bench/trace';
import { findChromium, installHint } from './chromium.mjs';

/** How long a page is left to finish its work (and ours) after its rows are in, before its main-thread time is read. */
const SETTLE_MS = 1_500;
/** After the last row shows its state: time for a late or split look-up to be sent, so that it is counted. */
const QUIET_MS = 500;
const WAIT = { timeout: 30_000 };

interface Options {
  reps: number;
  sizes: number[];
  pages: BenchPage[];
  service: boolean;
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const kinds = value('pages')?.split(',');
  return {
    reps: Number(value('reps') ?? 5),
    sizes: (value('sizes') ?? '50,500,5000').split(',').map(Number),
    pages: kinds ? benchPages.filter((page) => kinds.includes(page.kind)) : benchPages,
    service: argv.includes('--service'),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const medianSteps = (all: Steps[]): Steps => ({
  rowsDrawnMs: median(all.map((s) => s.rowsDrawnMs)),
  scriptStartedMs: median(all.map((s) => s.scriptStartedMs)),
  backgroundAnsweredMs: median(all.map((s) => s.backgroundAnsweredMs)),
  firstLookupArrivedMs: median(all.map((s) => s.firstLookupArrivedMs)),
  firstLookupAnsweredMs: median(all.map((s) => s.firstLookupAnsweredMs)),
});

/** Every record of the longest lists, as the integration reports them: one in ten never reported (unknown). */
async function seed(service: BenchService, pages: BenchPage[], rows: number) {
  for (const page of pages) {
    const records: IngestRecord[] = [];
    for (let i = 0; i < rows; i++) {
      if (i % 10 === 9) continue;
      const ref = page.ref(i);
      const counterpart = { ref: { system: 'xero', recordType: 'bill', recordId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}` } } as const;
      const procoreCounterpart = { ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1000 + i) } } as const;
      const other = ref.system === 'procore' ? counterpart : procoreCounterpart;
      if (i % 13 === 0) records.push({ ref, state: 'failed', error: { code: 'vendor_not_mapped', message: 'The vendor has no counterpart.', hint: 'Map it.' } });
      else if (i % 7 === 0) records.push({ ref, state: 'not_synced' });
      else records.push({ ref, state: 'synced', counterpart: other });
    }
    for (let start = 0; start < records.length; start += 1000) await service.report(records.slice(start, start + 1000));
  }
}

interface Bench {
  executablePath: string;
  service: BenchService;
  /** The built extension, with access to the service's origin granted as signing in in the options page asks. */
  extension: string;
}

/**
 * A copy of the build whose manifest grants the service's origin: signing in through the options
 * page asks the browser for it, and a user who grants it has look-ups without CORS preflights. The
 * benchmark signs in by writing the connection, which grants nothing, so the copy stands in for
 * the grant.
 */
function buildWithServiceAccess(serviceUrl: string): string {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'erp-bench-')), 'extension');
  cpSync(extensionDir, copy, { recursive: true });
  const manifestFile = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${new URL(serviceUrl).origin}/*`];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return copy;
}

/** A fresh browser (an empty cache), signed in, the page served at both its addresses, the probe in every page. */
async function freshBrowser(bench: Bench, page: BenchPage, rows: number, watchShown = false): Promise<{ context: BrowserContext; extension: ExtensionHarness }> {
  const context = await launchWithExtension({ executablePath: bench.executablePath, extension: bench.extension });
  await context.addInitScript({ content: probeScript(page.probe, rows, watchShown) });
  const extension = await extensionIn(context);
  await extension.signIn(bench.service.url, bench.service.token);
  await page.serve(extension, rows);
  return { context, extension };
}

async function heapOf(session: CDPSession): Promise<Heap> {
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  return { jsBytes: usage.usedSize, domBytes: usage.embedderHeapUsedSize };
}

const heapAdded = (withIt: Heap, without: Heap): Heap => ({ jsBytes: withIt.jsBytes - without.jsBytes, domBytes: withIt.domBytes - without.domBytes });

/**
 * One load for the main-thread figures: no polling of ours in the page (with or without the
 * extension alike), a fixed time once the rows are in, then the renderer's task and script time
 * (CDP Performance), the long tasks the page saw, and the heap after a collection.
 */
async function loadForCost(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(inPage.rowsIn, undefined, { polling: 50, ...WAIT });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await session.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const longTaskMs = await page.evaluate<number>(inPage.longTaskMs);
  const heap = await heapOf(session);
  await page.close();
  return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), longTaskMs, heap };
}

/**
 * Waits for the probe to have seen every visible row showing its state: the time from the rows being
 * drawn and from their being in, and the steps on the way, from their being in: the host drew them,
 * our content script claimed the page, the background first answered it, the first look-up reached
 * the service (none when all came from the cache).
 */
async function timeToShown(page: Page, service: BenchService, lookupsBefore: number) {
  await page.waitForFunction(inPage.shownSeen, undefined, { polling: 50, ...WAIT });
  const times = await page.evaluate<{
    timeOrigin: number;
    rowsAt: number;
    rowsDrawnAt: number;
    shownDrawnAt: number;
    startingAt: number | null;
    readyAt: number | null;
  }>(inPage.times);
  const since = (at: number | null | undefined) => (at === null || at === undefined ? Number.NaN : at - times.rowsAt);
  const firstLookup = service.lookupLog()[lookupsBefore];
  return {
    shownMs: times.shownDrawnAt - times.rowsDrawnAt,
    shownFromInMs: times.shownDrawnAt - times.rowsAt,
    steps: {
      rowsDrawnMs: since(times.rowsDrawnAt),
      scriptStartedMs: since(times.startingAt),
      backgroundAnsweredMs: since(times.readyAt),
      firstLookupArrivedMs: since(firstLookup && firstLookup.at - times.timeOrigin),
      firstLookupAnsweredMs: since(firstLookup?.answeredAt && firstLookup.answeredAt - times.timeOrigin),
    },
  };
}

/** A cold load (fresh browser) and the same page reloaded (statuses in the extension's cache): times and look-ups. */
async function loadTimed(bench: Bench, benchPage: BenchPage, rows: number) {
  const { context } = await freshBrowser(bench, benchPage, rows, true);
  try {
    const page = await context.newPage();
    const before = bench.service.lookupLog().length;
    await page.goto(benchPage.url(rows, 'real'));
    const cold = await timeToShown(page, bench.service, before);
    const { visible } = await page.evaluate<OnScreen>(inPage.onScreen);
    await page.waitForTimeout(QUIET_MS);
    const firstPaint = bench.service.lookupLog().slice(before).map((lookup) => lookup.refs);
    const beforeWarm = bench.service.lookupLog().length;
    await page.reload();
    const warm = await timeToShown(page, bench.service, beforeWarm);
    await page.waitForTimeout(QUIET_MS);
    return { cold, warm, visible, firstPaint, warmRequests: bench.service.lookupLog().length - beforeWarm };
  } finally {
    await context.close();
  }
}

/** Scrolls a list end to end, a screen at a time; with the extension, each screen is awaited until its rows show their states. */
async function scrollToEnd(page: Page, awaitStates: boolean) {
  let steps = 0;
  let stepsNotShownIn10s = 0;
  while (await page.evaluate<boolean>(inPage.scrollStep)) {
    steps++;
    if (!awaitStates) {
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      continue;
    }
    try {
      await page.waitForFunction(inPage.allShown, undefined, { polling: 'raf', timeout: 10_000 });
    } catch {
      stepsNotShownIn10s++;
    }
  }
  return { steps, stepsNotShownIn10s };
}

/**
 * A cold load scrolled end to end, traced: the look-ups of a full scroll, the longest task of
 * ours, and the heap with every row drawn, against the same page scrolled without the extension.
 */
async function fullScroll(bench: Bench, benchPage: BenchPage, rows: number) {
  const { context, extension } = await freshBrowser(bench, benchPage, rows);
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const stopTrace = await traceOurTasks(session, extension.id);
    const before = bench.service.lookupLog().length;
    await page.goto(benchPage.url(rows, 'real'));
    await page.waitForFunction(inPage.allShown, undefined, { polling: 'raf', ...WAIT });
    const scrolled = await scrollToEnd(page, true);
    await page.waitForTimeout(QUIET_MS);
    const lookupSizes = bench.service.lookupLog().slice(before).map((lookup) => lookup.refs);
    const longestOurs = await stopTrace();
    const withIt = await heapOf(session);

    const baseline = await context.newPage();
    const baselineSession = await context.newCDPSession(baseline);
    await baseline.goto(benchPage.url(rows, 'lookalike'));
    await baseline.waitForFunction(inPage.rowsIn, undefined, { polling: 50, ...WAIT });
    await scrollToEnd(baseline, false);
    const without = await heapOf(baselineSession);
    return { fullScroll: { requests: lookupSizes.length, lookupSizes, ...scrolled }, longestOurs, heapAddedAfterScroll: heapAdded(withIt, without) };
  } finally {
    await context.close();
  }
}

/** The service's answer time for the look-up of one screenful of rows, from this process over loopback HTTP. */
async function roundTrip(bench: Bench, benchPage: BenchPage, visible: number): Promise<number> {
  const body = JSON.stringify({ refs: Array.from({ length: Math.max(1, visible) }, (_, i) => benchPage.ref(i)) });
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(`${bench.service.url}/v1/statuses/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bench.service.token}`, 'content-type': 'application/json' },
      body,
    });
    await response.text();
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await ask();
  const samples = [];
  for (let i = 0; i < 20; i++) samples.push(await ask());
  return median(samples);
}

async function measurePage(bench: Bench, benchPage: BenchPage, rows: number, reps: number): Promise<PageResult> {
  const timed = [];
  const costs = [];
  for (let rep = 0; rep < reps; rep++) {
    timed.push(await loadTimed(bench, benchPage, rows));
    // Without, then with, in one fresh browser: each the first load of its address.
    const { context } = await freshBrowser(bench, benchPage, rows);
    try {
      const load = async (where: Where) => loadForCost(context, benchPage.url(rows, where));
      const without = await load('lookalike');
      const withIt = await load('real');
      costs.push({ without, withIt });
    } finally {
      await context.close();
    }
    process.stdout.write('.');
  }
  const visible = median(timed.map((t) => t.visible));
  const scroll = await fullScroll(bench, benchPage, rows);
  return {
    page: benchPage.label,
    rows,
    visible,
    coldMs: median(timed.map((t) => t.cold.shownMs)),
    warmMs: median(timed.map((t) => t.warm.shownMs)),
    coldFromInMs: median(timed.map((t) => t.cold.shownFromInMs)),
    warmFromInMs: median(timed.map((t) => t.warm.shownFromInMs)),
    coldSteps: medianSteps(timed.map((t) => t.cold.steps)),
    warmSteps: medianSteps(timed.map((t) => t.warm.steps)),
    roundTripMs: await roundTrip(bench, benchPage, visible),
    firstPaintRequests: Math.max(...timed.map((t) => t.firstPaint.length)),
    firstPaintLookupSizes: timed.map((t) => t.firstPaint),
    warmRequests: Math.max(...timed.map((t) => t.warmRequests)),
    ...scroll,
    taskRatio: median(costs.map((c) => c.withIt.taskMs / c.without.taskMs)),
    scriptRatio: median(costs.map((c) => c.withIt.scriptMs / c.without.scriptMs)),
    taskMs: { with: median(costs.map((c) => c.withIt.taskMs)), without: median(costs.map((c) => c.without.taskMs)) },
    longTaskMs: { with: median(costs.map((c) => c.withIt.longTaskMs)), without: median(costs.map((c) => c.without.longTaskMs)) },
    heapAddedAtLoad: {
      jsBytes: median(costs.map((c) => c.withIt.heap.jsBytes - c.without.heap.jsBytes)),
      domBytes: median(costs.map((c) => c.withIt.heap.domBytes - c.without.heap.domBytes)),
    },
  };
}

/** Every script the extension ships, gzipped as a store and a browser would transfer it. */
function scriptSizes(): ScriptSize[] {
  const files = [
    ...readdirSync(path.join(extensionDir, 'content-scripts')).map((f) => `content-scripts/${f}`),
    'background.js',
    ...readdirSync(path.join(extensionDir, 'chunks')).map((f) => `chunks/${f}`),
  ].filter((f) => f.endsWith('.js'));
  return files.map((file) => {
    const bytes = readFileSync(path.join(extensionDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(installHint);
  // What is measured is what the sources build to now.
  run(process.execPath, [path.join('node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build']);
  const sizes = scriptSizes();

  const service = await startBenchService();
  const extension = buildWithServiceAccess(service.url);
  const results: PageResult[] = [];
  try {
    await seed(service, options.pages, Math.max(...options.sizes));
    const bench = { executablePath, service, extension };
    for (const page of options.pages) {
      for (const rows of options.sizes) {
        process.stdout.write(`${page.label}, ${rows.toLocaleString('en')} rows `);
        results.push(await measurePage(bench, page, rows, options.reps));
        process.stdout.write(' done\n');
      }
    }
  } finally {
    await service.stop();
    rmSync(path.dirname(extension), { recursive: true, force: true });
  }

  const context = [
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), shared with whatever else runs: figures vary from run to run.`,
    `Chromium ${executablePath}, headless, 1280×720; ${options.reps} repetitions per figure, medians; look-up counts: the most of any repetition.`,
    'Cold: a fresh browser (empty cache). Warm: the same page reloaded (statuses in the extension’s IndexedDB). Both from the frame that first draws the list’s rows to the frame that first draws every row on screen with a state, each timed once the frame is done (a task posted in it at the highest priority, which runs ahead of the page’s and ours); “from in”: from the rows being in the DOM (all of a table’s; a grid’s first drawing), which includes the host’s own layout and paint of them. Watched by the probe in the page, frame by frame.',
    'Service: `npm run server`’s entry point in a process of its own, embedded database in a fresh folder, reached through a pass-through proxy that counts look-ups. The extension is signed in with access to the service’s origin granted, as the options page asks at sign-in (no CORS preflights).',
    'Round trip: a look-up of one screenful of rows, from Node to the service over loopback HTTP (median of 20).',
    `Main thread: CDP TaskDuration and ScriptDuration of the page over its load and ${SETTLE_MS} ms, with the extension ÷ the same page on a look-alike domain it does not run on, in the same browser (median of per-repetition ratios). Long tasks: PerformanceObserver.`,
    'Longest task of ours: Chrome trace of a cold load and a full scroll; the most time the extension’s scripts ran in one main-thread task (FunctionCall and script events of chrome-extension://<id>/), and the length of that task; “after start-up”: the same, leaving out the content script’s first evaluation. Details (the event, the function) in bench.json.',
    'Heap added: V8 heap (after a collection) of the page with the extension minus without, at load and after scrolling end to end; the content script’s isolated world shares the page’s V8 heap, so it is measured as this difference. DOM: Blink’s heap, the same way.',
    'Full scroll: a cold load, then a screen (90%) at a time to the end, each screen awaited until its rows show a state; look-ups counted from the load.',
  ];
  const md = markdown(results, sizes, context);
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench.json', JSON.stringify({ at: new Date().toISOString(), options: { ...options, pages: options.pages.map((p) => p.kind) }, results, sizes }, null, 2));
  writeFileSync('reports/bench.md', `${md}\n`);
  console.info(`\n${md}\n\nWritten to reports/bench.json and reports/bench.md`);

  if (options.service) run(process.execPath, ['--import', 'tsx', 'server/scripts/bench-lookup.ts']);
  else
    console.info(
      'The service’s own benchmark (look-up latency and look-ups per second at 100k and 1M records, PGlite and PostgreSQL) takes several minutes, loading a million records: `npm run bench:service`, or `npm run bench -- --service`.',
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
