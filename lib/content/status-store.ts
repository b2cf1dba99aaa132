// The statuses the page's cells show. Rows that appear together are asked for in one message (at
// most 500 references each): the question waits while new rows keep coming frame after frame (a
// grid draws its rows over a few frames), up to a short limit; each cell listens to its own record only, so an answer
// re-renders just the cells it concerns. A failed look-up is asked again with a growing pause
// (signing in, a rate limit or a restarted service then heal without a page reload). A page loaded
// again starts with the statuses the background remembered of its first screen: those rows show
// their state as they are drawn, and only the stale ones are asked again.
import { MAX_REFS_PER_LOOKUP, type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import type { Known } from './cell-state';
import { nextFrame } from './scheduling';

/** Statuses, and the keys of those the background has not confirmed lately. */
interface Answer {
  statuses: RecordStatus[];
  staleKeys?: string[];
}
type Fetch = (refs: RecordRef[]) => Promise<Answer>;

/** One shared value, so that React sees an unchanged snapshot while a record is loading. */
const LOADING: Known = { kind: 'loading' };
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;
/** The longest a question waits for more rows once the first is wanted. */
const GATHER_MS = 50;
/** The longest a reading of the rows may hold questions back: a host that never stops changing must not starve them. */
const LONGEST_HOLD_MS = 250;

interface Options {
  schedule?: (run: () => void) => void;
  retryLater?: (run: () => void, ms: number) => void;
  now?: () => number;
  /**
   * Told once, with the records the page wanted before its first question went (its first screen,
   * with a grid's rows read ahead of it, up to one look-up's worth), unless they are the ones it
   * started with: the background keeps them for the page's next load.
   */
  onFirstScreen?: (refs: RecordRef[]) => void;
}

export function createStatusStore(
  fetchStatuses: Fetch,
  { schedule = nextFrame, retryLater = (run, ms) => setTimeout(run, ms), now = () => performance.now(), onFirstScreen = () => {} }: Options = {},
) {
  const known = new Map<string, Known>();
  /** What the background remembered of this page's first screen, each taken when its row wants it. */
  const remembered = new Map<string, { status: RecordStatus; stale: boolean }>();
  /** All the records the page started with (`remembered` empties as rows take theirs). */
  let startedWith = new Set<string>();
  /** The records wanted until the first question went (or found nothing to ask); null once told. */
  let firstScreen: Map<string, RecordRef> | null = new Map();
  const listeners = new Map<string, Set<() => void>>();
  const wanted = new Map<string, RecordRef>();
  /** Every record this page has asked for, to ask again after the background restarted. */
  const refs = new Map<string, RecordRef>();
  /** How many look-ups in a row failed, per record, for the pause before the next. */
  const failures = new Map<string, number>();
  let scheduled = false;
  /** When the waiting question began, and how many records it had at the last frame. */
  let gathering: { since: number; size: number } | null = null;
  /** While the page's rows are being read (over several frames), their question waits for all. */
  let holds = 0;

  const set = (key: string, value: Known) => {
    // Why an action was refused stays said while the record stays as it was.
    const before = known.get(key);
    if (value.kind === 'status' && before?.kind === 'status' && before.problem && before.status.state === value.status.state && !('problem' in value)) {
      value = { ...value, problem: before.problem };
    }
    known.set(key, value);
    listeners.get(key)?.forEach((listener) => listener());
  };

  function queue(key: string, ref: RecordRef) {
    wanted.set(key, ref);
    gathering ??= { since: now(), size: 0 };
    flushLater();
  }

  /** The store's own flush, at the scheduled time (once, however often asked meanwhile): nobody waits for its answer. */
  function flushLater() {
    if (scheduled) return;
    scheduled = true;
    schedule(() => void flush());
  }

  function failed(refs: RecordRef[], error: unknown) {
    const { code, message, retryAfterMs } = describe(error);
    for (const ref of refs) {
      const key = recordKey(ref);
      const count = (failures.get(key) ?? 0) + 1;
      failures.set(key, count);
      set(key, { kind: 'error', code, message });
      // A service that said when to come back (429) is not asked sooner.
      const backoff = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (count - 1));
      retryLater(() => queue(key, ref), Math.max(backoff, retryAfterMs));
    }
  }

  async function ask(refs: RecordRef[]) {
    let statuses: RecordStatus[];
    let stale: Set<string>;
    try {
      const answer = await fetchStatuses(refs);
      statuses = answer.statuses;
      stale = new Set(answer.staleKeys);
    } catch (error) {
      failed(refs, error);
      return;
    }
    const byKey = new Map(statuses.map((status) => [status.key, status]));
    const missing: RecordRef[] = [];
    for (const ref of refs) {
      const key = recordKey(ref);
      const status = byKey.get(key);
      if (!status) {
        missing.push(ref);
        continue;
      }
      failures.delete(key);
      set(key, { kind: 'status', status, stale: stale.has(key) });
    }
    if (missing.length > 0) failed(missing, { code: 'invalid_response', message: 'The sync service did not answer for this record.' });
  }

  function tellFirstScreen() {
    // A reading that found no rows yet (a grid or table still empty) does not end it.
    if (!firstScreen || firstScreen.size === 0) return;
    const refs = [...firstScreen.values()];
    firstScreen = null;
    const same = refs.length === startedWith.size && refs.every((ref) => startedWith.has(recordKey(ref)));
    if (!same) onFirstScreen(refs);
  }

  /**
   * Asks for the wanted records, unless more are still coming; `complete`: the caller knows none
   * are. Settles once what it asked is answered (or failed).
   */
  function flush(complete = false): Promise<void> {
    scheduled = false;
    if (holds > 0) return Promise.resolve(); // asked when the reading ends
    if (!complete && gathering && wanted.size > gathering.size && now() - gathering.since < GATHER_MS) {
      // Rows came in this frame: more may come in the next.
      gathering.size = wanted.size;
      flushLater();
      return Promise.resolve();
    }
    gathering = null;
    tellFirstScreen();
    const refs = [...wanted.values()];
    wanted.clear();
    const asked: Promise<void>[] = [];
    for (let start = 0; start < refs.length; start += MAX_REFS_PER_LOOKUP) asked.push(ask(refs.slice(start, start + MAX_REFS_PER_LOOKUP)));
    return Promise.all(asked).then(() => undefined);
  }

  return {
    /**
     * Asks for a record's status, once, unless it is already known, asked for, or waiting to be
     * asked again; true when this call is the first to want it on this page. A status the page
     * started with is shown at once (and asked again when stale).
     */
    want(ref: RecordRef): boolean {
      const key = recordKey(ref);
      if (firstScreen && firstScreen.size < MAX_REFS_PER_LOOKUP) firstScreen.set(key, ref);
      if (known.has(key)) return false;
      refs.set(key, ref);
      const kept = remembered.get(key);
      if (!kept) {
        known.set(key, LOADING);
        queue(key, ref);
        return true;
      }
      remembered.delete(key);
      set(key, { kind: 'status', status: kept.status, stale: kept.stale });
      if (kept.stale) queue(key, ref);
      else if (firstScreen) flushLater(); // nothing to ask, but the first screen is told at the next flush
      return true;
    },
    /** The statuses the background remembered of what this page showed first when it was last loaded. */
    startWith({ statuses, staleKeys }: Answer) {
      const stale = new Set(staleKeys);
      for (const status of statuses) if (!known.has(status.key)) remembered.set(status.key, { status, stale: stale.has(status.key) });
      startedWith = new Set(statuses.map((status) => status.key));
    },
    /**
     * Holds questions back until the returned release is called: the rows read meanwhile go
     * together. `untilReleased`: for a taker that always releases (reading ahead), the hold has no
     * time limit, so a reading slowed down by a busy machine is not cut into several look-ups.
     */
    hold({ untilReleased = false }: { untilReleased?: boolean } = {}): () => void {
      holds++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        holds--;
        if (holds > 0) return;
        if (wanted.size === 0) tellFirstScreen(); // all were known: no question goes
        else flushLater();
      };
      if (!untilReleased) retryLater(release, LONGEST_HOLD_MS);
      return release;
    },
    /**
     * Asks at once for what is wanted, without waiting for more: the caller has every row near the
     * screen. Settles once they are answered.
     */
    askNow: () => flush(true),
    /** How many records the question being gathered (or held) holds: one look-up asks at most MAX_REFS_PER_LOOKUP. */
    waiting: () => wanted.size,
    get: (key: string): Known => known.get(key) ?? LOADING,

    /** Fresh statuses from the background (a push that ended, a lock, a change elsewhere): shown where this page shows them. */
    apply(statuses: RecordStatus[]) {
      for (const status of statuses) {
        if (known.has(status.key)) set(status.key, { kind: 'status', status });
        else if (remembered.has(status.key)) remembered.set(status.key, { status, stale: false });
      }
    },

    /** Shows a record as being pushed at once, before the background confirms it. */
    showPending(key: string) {
      const current = known.get(key);
      if (current?.kind === 'status') set(key, { kind: 'status', status: { ...current.status, state: 'pending' } });
    },

    /** Says, on the record's cell, why what the user asked for did not happen (null clears it). */
    showProblem(key: string, problem: string | null) {
      const current = known.get(key);
      if (current?.kind !== 'status' || (current.problem ?? null) === problem) return;
      const { problem: _previous, ...rest } = current;
      set(key, problem ? { ...rest, problem } : { ...rest, problem: undefined });
    },

    /** Asks again for one record (after a refusal, what changed on the service is shown). */
    recheck(ref: RecordRef) {
      queue(recordKey(ref), ref);
    },

    /** Forgets every status shown (signed out, or into another service) and asks for them afresh. */
    reset() {
      remembered.clear();
      for (const [key, ref] of refs) {
        failures.delete(key);
        set(key, LOADING);
        queue(key, ref);
      }
    },

    /**
     * Asks again for every record this page has shown, e.g. after the background restarted; what
     * it started with and has not shown yet may have changed meanwhile too, and is asked when shown.
     */
    refresh() {
      for (const [key, value] of known) if (value.kind !== 'loading') queue(key, refs.get(key) as RecordRef);
      for (const kept of remembered.values()) kept.stale = true;
    },
    subscribe(key: string, listener: () => void) {
      const keyListeners = listeners.get(key) ?? new Set();
      keyListeners.add(listener);
      listeners.set(key, keyListeners);
      return () => {
        keyListeners.delete(listener);
        if (keyListeners.size === 0) listeners.delete(key);
      };
    },
  };
}

function describe(error: unknown): { code: string; message: string; retryAfterMs: number } {
  const { code, message, retryAfterSeconds } = (error ?? {}) as { code?: unknown; message?: unknown; retryAfterSeconds?: unknown };
  return {
    code: typeof code === 'string' ? code : 'internal_error',
    message: typeof message === 'string' ? message : String(error),
    retryAfterMs: typeof retryAfterSeconds === 'number' ? retryAfterSeconds * 1000 : 0,
  };
}

export type StatusStore = ReturnType<typeof createStatusStore>;
