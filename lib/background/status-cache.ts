// What the background remembers of statuses, and how much to trust it: a status seen in the last
// 30 seconds is shown as it is; an older one is shown at once but marked possibly stale and asked
// again; after a day it is not shown at all, only asked for. The statuses this worker saw last are
// also kept in memory: a list opened again (a reload, the next page and back) is answered without
// a database read, which takes 5 to 20 ms.
import type { RecordStatus } from '../contract/status';
import type { CachedStatus, InspectorDatabase } from './database';

export const FRESH_MS = 30_000;
export const FORGET_MS = 24 * 60 * 60_000;
/** The statuses kept in memory: a 5,000-row list's, a few MB. */
export const REMEMBERED_IN_MEMORY = 5_000;

export type Freshness = 'fresh' | 'stale' | 'forgotten';

export function freshness(fetchedAt: number, now: number): Freshness {
  const age = now - fetchedAt;
  if (age < FRESH_MS) return 'fresh';
  return age < FORGET_MS ? 'stale' : 'forgotten';
}

/**
 * `since`: when this worker started. What was cached before it may have changed while no worker
 * followed the change feed, so it is never taken as fresh.
 */
export function createStatusCache(db: InspectorDatabase, now: () => number = Date.now, since = 0) {
  /** The last statuses written, oldest first (a Map keeps its insertion order). */
  const memory = new Map<string, CachedStatus>();
  const remember = (row: CachedStatus) => {
    memory.delete(row.key);
    memory.set(row.key, row);
    if (memory.size > REMEMBERED_IN_MEMORY) memory.delete(memory.keys().next().value as string);
  };

  return {
    /** The cached statuses of these keys that may still be shown, with their freshness. */
    async read(keys: string[]): Promise<Map<string, { status: RecordStatus; stale: boolean }>> {
      const found = new Map<string, { status: RecordStatus; stale: boolean }>();
      const notInMemory = keys.filter((key) => !memory.has(key));
      const rows = [...keys.flatMap((key) => memory.get(key) ?? []), ...(notInMemory.length > 0 ? await db.statuses.bulkGet(notInMemory) : [])];
      const at = now();
      for (const row of rows) {
        if (!row) continue;
        const judged = freshness(row.fetchedAt, at);
        if (judged !== 'forgotten') found.set(row.key, { status: row.status, stale: judged === 'stale' || row.fetchedAt < since });
      }
      return found;
    },

    async write(statuses: RecordStatus[]): Promise<void> {
      const at = now();
      const rows = statuses.map((status) => ({ key: status.key, status, fetchedAt: at }));
      for (const row of rows) remember(row);
      await db.statuses.bulkPut(rows);
    },

    /** Forgets what is too old to show (keeps the database from growing without end). */
    async prune(): Promise<void> {
      await db.statuses.where('fetchedAt').belowOrEqual(now() - FORGET_MS).delete();
    },

    clear: () => {
      memory.clear();
      return db.statuses.clear();
    },
  };
}

export type StatusCache = ReturnType<typeof createStatusCache>;
