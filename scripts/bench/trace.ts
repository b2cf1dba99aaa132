// Which main-thread tasks ran our code, from a Chrome trace taken over CDP: the tasks of each
// renderer thread (toplevel RunTask), and the script events (devtools.timeline FunctionCall,
// EvaluateScript, compiles) whose script is one of the extension's. A task's time spent in our
// scripts is the union of those events inside it; callbacks of ours that V8 runs as microtasks of
// another script's task carry no script address and are not counted.
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; functionName?: string }; name?: string };
}

export interface OurLongestTask {
  /** The most time our scripts took inside one task (ms). */
  oursMs: number;
  /** That whole task, host work included (ms). */
  taskMs: number;
  /** Our longest script event in it: its kind, function and script. */
  longestEvent: string;
  /** Tasks in which our scripts ran for more than 50 ms. */
  over50: number;
  /** The longest once the content script has started: tasks whose main event of ours is not the script's evaluation. */
  afterStartup: { oursMs: number; taskMs: number; longestEvent: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8'];
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Starts tracing the browser; the returned stop ends it and attributes the tasks to our scripts. */
export async function traceOurTasks(session: CDPSession, extensionId: string): Promise<() => Promise<OurLongestTask>> {
  const ours = `chrome-extension://${extensionId}/`;
  const tasks = new Map<string, { start: number; end: number }[]>();
  const ourEvents: { thread: string; start: number; end: number; what: string }[] = [];
  session.on('Tracing.dataCollected', ({ value }) => {
    // The protocol types trace events as string maps; they are JSON objects of numbers and strings.
    for (const event of value as unknown as TraceEvent[]) {
      if (event.ph !== 'X' || event.dur === undefined) continue;
      const thread = `${event.pid}:${event.tid}`;
      // Tasks under a millisecond cannot hold the longest of ours.
      if (TASKS.has(event.name) && event.dur >= 1000) {
        const list = tasks.get(thread) ?? [];
        list.push({ start: event.ts, end: event.ts + event.dur });
        tasks.set(thread, list);
        continue;
      }
      const script = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
      if (!script.startsWith(ours)) continue;
      const what = `${event.name} ${event.args?.data?.functionName || '(anonymous)'} in ${script.slice(ours.length)}`;
      ourEvents.push({ thread, start: event.ts, end: event.ts + event.dur, what });
    }
  });
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });

  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    for (const list of tasks.values()) list.sort((a, b) => a.start - b.start);
    const perTask = new Map<{ start: number; end: number }, { spans: [number, number][]; longest: { what: string; dur: number } }>();
    for (const event of ourEvents) {
      const task = enclosing(tasks.get(event.thread) ?? [], event.start);
      if (!task) continue;
      const entry = perTask.get(task) ?? { spans: [], longest: { what: '', dur: 0 } };
      entry.spans.push([event.start, Math.min(event.end, task.end)]);
      if (event.end - event.start > entry.longest.dur) entry.longest = { what: event.what, dur: event.end - event.start };
      perTask.set(task, entry);
    }
    const none = { oursMs: 0, taskMs: 0, longestEvent: '-' };
    let longest = none;
    let afterStartup = none;
    let over50 = 0;
    for (const [task, entry] of perTask) {
      const oursMs = unionLength(entry.spans) / 1000;
      const found = { oursMs, taskMs: (task.end - task.start) / 1000, longestEvent: entry.longest.what };
      if (oursMs > 50) over50++;
      if (oursMs > longest.oursMs) longest = found;
      if (!entry.longest.what.startsWith('EvaluateScript') && oursMs > afterStartup.oursMs) afterStartup = found;
    }
    return { ...longest, over50, afterStartup };
  };
}

/** The task (of a thread's, sorted by start) that was running at `at`. */
function enclosing(list: { start: number; end: number }[], at: number): { start: number; end: number } | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as { start: number }).start <= at) low = middle + 1;
    else high = middle;
  }
  const task = list[low - 1];
  return task && at < task.end ? task : undefined;
}

/** The time covered by possibly nested or overlapping spans (µs). */
function unionLength(spans: [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let until = -Infinity;
  for (const [start, end] of sorted) {
    if (end <= until) continue;
    total += end - Math.max(start, until);
    until = end;
  }
  return total;
}
