// When our row work runs. Two needs:
// - A slice of a long reading gives the main thread back, then goes on. Waiting for the next frame
//   (requestAnimationFrame) left most of each frame idle (8 ms of ours, the host's frame, then
//   nothing), so 50 rows took five frames. A task of its own lets the browser run the host's input,
//   its frames and our messages in between, and us go on as soon as it has.
// - The host's changes (and the questions they raise) are gathered until its next frame, so a grid
//   drawing over a few frames is read once a frame. But a loading page may have no frame for 70 ms
//   or more (Chrome holds the old page's paint while the new one loads), so we go on after 20 ms
//   even without one.

type Cancel = () => void;

interface TaskScheduler {
  postTask(run: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<unknown>;
}

function taskScheduler(): TaskScheduler | undefined {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  return typeof scheduler?.postTask === 'function' ? (scheduler as TaskScheduler) : undefined;
}

/** Runs `run` in a task of its own once the browser has had the main thread; the answer cancels it. */
export function nextSlice(run: () => void): Cancel {
  const scheduler = taskScheduler();
  if (scheduler) {
    const controller = new AbortController();
    scheduler.postTask(run, { priority: 'user-visible', signal: controller.signal }).catch((error: unknown) => {
      // A cancelled task's promise rejects: that is the cancel, not an error.
      if (!controller.signal.aborted) reportError(error);
    });
    return () => controller.abort();
  }
  // Where there is no task scheduler (older Firefox): a message to ourselves is a task of its own,
  // without setTimeout's clamping to 4 ms and more once nested.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * Runs `run` once, at the first of its triggers; the answer cancels them all. Each trigger is set
 * with the shared firing and gives back how to take it off.
 */
function whicheverFirst(run: () => void, triggers: ((fire: () => void) => Cancel)[]): Cancel {
  let done = false;
  const cancels: Cancel[] = [];
  const cancel = () => {
    done = true;
    for (const off of cancels) off();
  };
  const fire = () => {
    if (done) return;
    cancel();
    run();
  };
  for (const trigger of triggers) cancels.push(trigger(fire));
  return cancel;
}

const afterMs = (ms: number) => (fire: () => void) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};

/** The longest we wait for the host's next frame. */
const FRAME_AT_MOST_MS = 20;

/** Runs `run` once, at the host's next frame or after FRAME_AT_MOST_MS, whichever comes first; the answer cancels it. */
export function nextFrame(run: () => void): Cancel {
  const atFrame = (fire: () => void) => {
    const frame = requestAnimationFrame(() => fire());
    return () => cancelAnimationFrame(frame);
  };
  return whicheverFirst(run, [atFrame, afterMs(FRAME_AT_MOST_MS)]);
}

/** Runs `run` once `settled` settles or after `ms`, whichever comes first; the answer cancels it. */
export function whenSettledOrAfter(settled: Promise<unknown>, ms: number, run: () => void): Cancel {
  const onSettled = (fire: () => void) => {
    settled.then(fire, fire);
    return () => {};
  };
  return whicheverFirst(run, [onSettled, afterMs(ms)]);
}

/** Settles once the document is parsed (at once when it is): its body and server-rendered rows are in. */
export function whenParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const parsed = () => {
      if (doc.readyState === 'loading') return;
      doc.removeEventListener('readystatechange', parsed);
      resolve();
    };
    doc.addEventListener('readystatechange', parsed);
  });
}
