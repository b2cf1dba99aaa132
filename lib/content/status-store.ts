// The statuses the page's cells show. Rows that appear within one frame are asked for in one
// message (at most 500 references each); each cell listens to its own record only, so an answer
// re-renders just the cells it concerns.
import { MAX_REFS_PER_LOOKUP } from '../contract/api';
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import type { Known } from './cell-state';

type Fetch = (refs: RecordRef[]) => Promise<RecordStatus[]>;

/** One shared value, so that React sees an unchanged snapshot while a record is loading. */
const LOADING: Known = { kind: 'loading' };

export function createStatusStore(fetchStatuses: Fetch, schedule: (run: () => void) => void = (run) => requestAnimationFrame(run)) {
  const known = new Map<string, Known>();
  const listeners = new Map<string, Set<() => void>>();
  const wanted = new Map<string, RecordRef>();
  let scheduled = false;

  const set = (key: string, value: Known) => {
    known.set(key, value);
    listeners.get(key)?.forEach((listener) => listener());
  };

  async function ask(refs: RecordRef[]) {
    try {
      const statuses = await fetchStatuses(refs);
      statuses.forEach((status) => set(status.key, { kind: 'status', status }));
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      refs.forEach((ref) => set(recordKey(ref), { kind: 'error', code: code ?? 'internal_error', message: message ?? String(error) }));
    }
  }

  function flush() {
    scheduled = false;
    const refs = [...wanted.values()];
    wanted.clear();
    for (let start = 0; start < refs.length; start += MAX_REFS_PER_LOOKUP) void ask(refs.slice(start, start + MAX_REFS_PER_LOOKUP));
  }

  return {
    /** Asks for a record's status, once, unless it is already known or asked for. */
    want(ref: RecordRef) {
      const key = recordKey(ref);
      if (known.has(key)) return;
      known.set(key, LOADING);
      wanted.set(key, ref);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    get: (key: string): Known => known.get(key) ?? LOADING,
    subscribe(key: string, listener: () => void) {
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
  };
}

export type StatusStore = ReturnType<typeof createStatusStore>;
