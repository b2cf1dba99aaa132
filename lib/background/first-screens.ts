// The records each page showed first, by the page's address: when the page is loaded again, its
// first answer from the background carries their remembered statuses, so the rows on its first
// screen show their state as they are drawn, before they have asked for anything.
import type { RecordRef } from '../contract/records';
import type { InspectorDatabase } from './database';
import { FORGET_MS } from './status-cache';

/** The pages remembered: the most recently opened. */
export const FIRST_SCREENS_KEPT = 200;

export function createFirstScreens(db: InspectorDatabase, log: (error: unknown, context: Record<string, unknown>) => void, now: () => number = Date.now) {
  /** The pages read or written by this worker (a Map keeps its insertion order: oldest first). */
  const memory = new Map<string, RecordRef[]>();
  const keep = (url: string, refs: RecordRef[]) => {
    memory.delete(url);
    memory.set(url, refs);
    if (memory.size > FIRST_SCREENS_KEPT) memory.delete(memory.keys().next().value as string);
  };
  /** Counts the clears: a page read from the database while all was forgotten is not kept. */
  let clears = 0;

  return {
    /** The records the page at this address showed first, last time; none when it was never seen. */
    async of(url: string): Promise<RecordRef[]> {
      let refs = memory.get(url);
      if (!refs) {
        const clearsBefore = clears;
        refs = (await db.firstScreens.get(url))?.refs;
        if (!refs || clears !== clearsBefore) return [];
        keep(url, refs);
      }
      // Opened again: kept ahead of the pages not opened since (a page's unchanged first screen is not written again).
      db.firstScreens.update(url, { at: now() }).catch((error: unknown) => log(error, { step: 'note first screen opened' }));
      return refs;
    },

    async remember(url: string, refs: RecordRef[]): Promise<void> {
      keep(url, refs);
      await db.firstScreens.put({ url, refs, at: now() });
      const count = await db.firstScreens.count();
      if (count > FIRST_SCREENS_KEPT) {
        const oldest = await db.firstScreens.orderBy('at').limit(count - FIRST_SCREENS_KEPT).primaryKeys();
        await db.firstScreens.bulkDelete(oldest);
      }
    },

    /** Forgets the pages not opened for as long as their statuses are kept. */
    async prune(): Promise<void> {
      const old = await db.firstScreens.where('at').belowOrEqual(now() - FORGET_MS).primaryKeys();
      for (const url of old) memory.delete(url);
      await db.firstScreens.bulkDelete(old);
    },

    clear: () => {
      clears++;
      memory.clear();
      return db.firstScreens.clear();
    },
  };
}

export type FirstScreens = ReturnType<typeof createFirstScreens>;
