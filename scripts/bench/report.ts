// The benchmark's figures beside their targets (issue 8), as JSON and as a Markdown table. A
// benchmark says "met" or "missed"; it never fails.
import type { OurLongestTask } from './trace';

export interface Heap {
  /** V8's heap (every world of the page's process). */
  jsBytes: number;
  /** Blink's garbage-collected heap: DOM nodes, shadow roots and their wrappers. */
  domBytes: number;
}

export interface PageResult {
  page: string;
  rows: number;
  /** Rows on screen at first paint (median). */
  visible: number;
  /** From the frame that first drew the rows to the one that first drew every visible row's state (the target's measure). */
  coldMs: number;
  warmMs: number;
  /** The same, from the rows being in the DOM: with the host's own layout and paint of them. */
  coldFromInMs: number;
  warmFromInMs: number;
  /** From the rows being in: the host drew them, our content script claimed the page, the background first answered it, the first look-up reached the service (medians). */
  coldSteps: Steps;
  warmSteps: Steps;
  roundTripMs: number;
  firstPaintRequests: number;
  /** References per look-up, per repetition. */
  firstPaintLookupSizes: number[][];
  warmRequests: number;
  fullScroll: { requests: number; lookupSizes: number[]; steps: number; stepsNotShownIn10s: number };
  /** With the extension ÷ the same page without it: main-thread task time, script time (medians of paired runs). */
  taskRatio: number;
  scriptRatio: number;
  taskMs: { with: number; without: number };
  longTaskMs: { with: number; without: number };
  longestOurs: OurLongestTask;
  heapAddedAtLoad: Heap;
  heapAddedAfterScroll: Heap;
}

/** From the rows being in the DOM: the steps on the way to every visible row showing its state. */
export interface Steps {
  rowsDrawnMs: number;
  scriptStartedMs: number;
  backgroundAnsweredMs: number;
  firstLookupArrivedMs: number;
  firstLookupAnsweredMs: number;
}

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const MB = 1024 * 1024;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ms = (n: number) => `${Math.round(n)} ms`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export const targets = {
  warmMs: 50,
  coldExtraMs: 50,
  firstPaintRequests: (visible: number) => Math.ceil(visible / 500),
  fullScrollRequests: Math.ceil(5000 / 500) + 2,
  taskRatio: 1.1,
  longestOursMs: 50,
  heapBytes: 10 * MB,
  contentScriptGzip: 100_000,
};

/** Each figure, its target where it has one at this size, and whether it was met. */
export function judge(r: PageResult) {
  const coldTarget = r.roundTripMs + targets.coldExtraMs;
  const firstPaintTarget = targets.firstPaintRequests(r.visible);
  return {
    cold: `${ms(r.coldMs)} (≤ ${ms(coldTarget)}: ${verdict(r.coldMs <= coldTarget)}); from in ${ms(r.coldFromInMs)}`,
    warm: `${ms(r.warmMs)} (≤ ${targets.warmMs} ms: ${verdict(r.warmMs <= targets.warmMs)}); from in ${ms(r.warmFromInMs)}`,
    firstPaint: `${r.firstPaintRequests} (≤ ${firstPaintTarget}: ${verdict(r.firstPaintRequests <= firstPaintTarget)})`,
    fullScroll:
      r.rows === 5000
        ? `${r.fullScroll.requests} (≤ ${targets.fullScrollRequests}: ${verdict(r.fullScroll.requests <= targets.fullScrollRequests)})`
        : String(r.fullScroll.requests),
    ratio:
      `${r.taskRatio.toFixed(2)} / ${r.scriptRatio.toFixed(2)}` +
      (r.rows === 500 ? ` (task ≤ ${targets.taskRatio.toFixed(2)}: ${verdict(r.taskRatio <= targets.taskRatio)})` : ''),
    longTasks: `${ms(r.longTaskMs.with)} / ${ms(r.longTaskMs.without)}`,
    longestOurs:
      `${ms(r.longestOurs.oursMs)} of a ${ms(r.longestOurs.taskMs)} task (≤ ${targets.longestOursMs} ms: ${verdict(r.longestOurs.oursMs <= targets.longestOursMs)})` +
      (r.longestOurs.over50 > 1 ? `, ${r.longestOurs.over50} over 50 ms` : '') +
      `; after start-up ${ms(r.longestOurs.afterStartup.oursMs)}`,
    heap:
      `${mb(r.heapAddedAtLoad.jsBytes)} / ${mb(r.heapAddedAfterScroll.jsBytes)} (DOM +${mb(r.heapAddedAfterScroll.domBytes)})` +
      (r.rows === 5000 ? ` (≤ 10 MB: ${verdict(r.heapAddedAfterScroll.jsBytes <= targets.heapBytes)})` : ''),
  };
}

export function markdown(results: PageResult[], sizes: ScriptSize[], context: string[]): string {
  const lines = [
    '## Browser: the ERP Synced column on list pages',
    '',
    '| page | rows | visible | cold: all visible shown, after the rows are drawn | warm (reloaded) | round trip | look-ups, first paint | look-ups, full scroll | main thread with ÷ without: tasks / scripts | long tasks with / without | longest task of ours | JS heap added: load / after full scroll |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const j = judge(r);
    lines.push(
      `| ${r.page} | ${r.rows.toLocaleString('en')} | ${r.visible} | ${j.cold} | ${j.warm} | ${ms(r.roundTripMs)} | ${j.firstPaint} | ${j.fullScroll} | ${j.ratio} | ${j.longTasks} | ${j.longestOurs} | ${j.heap} |`,
    );
  }
  lines.push(
    '',
    '### Where the time to show goes (ms from the rows being in the DOM, medians)',
    '',
    'The content script starts with the page: a step before the rows are in is negative.',
    '',
    '| page | rows | cold: host draws the rows | content script claims the page | background answers it | first look-up reaches the service | service answers it | all visible shown | warm: rows drawn | claims | answers | all shown |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const at = (n: number) => (Number.isNaN(n) ? '-' : String(Math.round(n)));
  for (const r of results) {
    const { coldSteps: c, warmSteps: w } = r;
    lines.push(
      `| ${r.page} | ${r.rows.toLocaleString('en')} | ${at(c.rowsDrawnMs)} | ${at(c.scriptStartedMs)} | ${at(c.backgroundAnsweredMs)} | ${at(c.firstLookupArrivedMs)} | ${at(c.firstLookupAnsweredMs)} | ${at(r.coldFromInMs)} | ${at(w.rowsDrawnMs)} | ${at(w.scriptStartedMs)} | ${at(w.backgroundAnsweredMs)} | ${at(r.warmFromInMs)} |`,
    );
  }
  lines.push('', '## Shipped scripts', '', '| script | size | gzipped | target |', '|---|---|---|---|');
  for (const s of sizes) {
    const target = s.file.startsWith('content-scripts/')
      ? `≤ ${kb(targets.contentScriptGzip)}: ${verdict(s.gzipBytes <= targets.contentScriptGzip)}`
      : '';
    lines.push(`| ${s.file} | ${kb(s.bytes)} | ${kb(s.gzipBytes)} | ${target} |`);
  }
  lines.push('', ...context.map((line) => `- ${line}`));
  return lines.join('\n');
}
