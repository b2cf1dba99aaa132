// Gathers the records that all tabs ask about together into as few look-ups as possible: each
// record once (a record on screen in two tabs, or asked for again while its look-up is under way,
// shares one), at most 500 per request. A page's question comes whole (its rows are gathered in
// the page), so the look-up goes in the next task: what else arrived meanwhile joins it, and the
// first screen of a list waits for nothing else.
import { MAX_REFS_PER_LOOKUP, type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';

interface Waiting {
  ref: RecordRef;
  resolve: (status: RecordStatus) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions {
  /** How long to wait for more rows before asking. */
  windowMs?: number;
}

export function createStatusBatcher(lookup: (refs: RecordRef[]) => Promise<RecordStatus[]>, { windowMs = 0 }: BatcherOptions = {}) {
  const queued = new Map<string, Waiting[]>();
  const inFlight = new Map<string, Promise<RecordStatus>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    timer = undefined;
    const batch = [...queued.entries()];
    queued.clear();
    for (let start = 0; start < batch.length; start += MAX_REFS_PER_LOOKUP) {
      const chunk = batch.slice(start, start + MAX_REFS_PER_LOOKUP);
      const answer = lookup(chunk.map(([, waiting]) => (waiting[0] as Waiting).ref));
      chunk.forEach(([key, waiting], i) => {
        const status = answer.then((statuses) => {
          const found = statuses[i];
          // Answers come in the order asked; one that names another record is not this one's.
          if (found?.key !== key) throw new Error('The sync service answered out of order or left records out');
          return found;
        });
        inFlight.set(key, status);
        status.then(
          (found) => waiting.forEach((w) => w.resolve(found)),
          (error: unknown) => waiting.forEach((w) => w.reject(error)),
        );
        void status.catch(() => undefined).finally(() => inFlight.delete(key));
      });
    }
  }

  function statusOf(ref: RecordRef): Promise<RecordStatus> {
    const key = recordKey(ref);
    const running = inFlight.get(key);
    if (running) return running;
    return new Promise((resolve, reject) => {
      const waiting = queued.get(key);
      if (waiting) waiting.push({ ref, resolve, reject });
      else queued.set(key, [{ ref, resolve, reject }]);
      if (queued.size >= MAX_REFS_PER_LOOKUP) {
        clearTimeout(timer);
        flush();
      } else {
        timer ??= setTimeout(flush, windowMs);
      }
    });
  }

  return {
    /** The statuses of these records, in order. */
    statuses: (refs: RecordRef[]) => Promise.all(refs.map(statusOf)),
  };
}
