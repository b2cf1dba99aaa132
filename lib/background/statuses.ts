// The statuses the background gives pages: from its cache when it can, from the service when it
// must, and every fresh status cached and sent to all open pages; a page loaded again is given, with
// its first answer, what it showed first last time.
import { type RecordRef, recordKey } from '../contract/records';
import { siteOf } from '../sites';
import type { RecordStatus } from '../contract/status';
import type { FirstScreens } from './first-screens';
import type { StatusCache } from './status-cache';
import { createStatusBatcher } from './status-batcher';

/** Statuses, and the keys of those not confirmed lately (asked again behind the page's back). */
interface Answer {
  statuses: RecordStatus[];
  staleKeys: string[];
}

export interface StatusesOptions {
  lookup: (refs: RecordRef[]) => Promise<RecordStatus[]>;
  cache: StatusCache;
  firstScreens: FirstScreens;
  sendToPages: (statuses: RecordStatus[]) => void;
  log: (error: unknown, context: Record<string, unknown>) => void;
}

export function createStatuses({ lookup, cache, firstScreens, sendToPages, log }: StatusesOptions) {
  const batcher = createStatusBatcher(lookup);

  async function publish(statuses: RecordStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    sendToPages(statuses);
    await cache.write(statuses).catch((error: unknown) => log(error, { step: 'cache statuses' }));
  }

  /**
   * Asks again for statuses not confirmed lately, behind the page's back: the answer reaches the
   * pages through their update port. A record already being asked again is not asked twice.
   */
  const revalidating = new Set<string>();
  function revalidate(refs: RecordRef[]) {
    const asked = refs.filter((ref) => !revalidating.has(recordKey(ref)));
    if (asked.length === 0) return;
    const keys = asked.map(recordKey);
    for (const key of keys) revalidating.add(key);
    batcher
      .statuses(asked)
      .then(publish, (error: unknown) => log(error, { step: 'revalidate statuses' }))
      .finally(() => keys.forEach((key) => revalidating.delete(key)));
  }

  return {
    publish,

    /** Forgets every remembered status, and what each page showed (signed out, or into another service). */
    forget: () => Promise.all([cache.clear(), firstScreens.clear()]).then(() => undefined),

    /**
     * Notes the records the page at this address showed first, for its next load. A page shows
     * records of its own system only: any other is not kept (whatever its content script says).
     */
    async rememberFirstScreen(url: string, refs: RecordRef[]): Promise<void> {
      const site = siteOf(url);
      const own = refs.filter((ref) => ref.system === site);
      if (own.length > 0) await firstScreens.remember(url, own);
    },

    /**
     * The remembered statuses of what the page at this address showed first last time, from the
     * cache; the stale ones are asked again at once, while the page is still loading (the page's
     * own question for them, once it can hear the answer, does not ask the service twice).
     */
    async firstScreenOf(url: string): Promise<Answer> {
      try {
        const refs = await firstScreens.of(url);
        const found = [...(await cache.read(refs.map(recordKey))).values()];
        const stale = found.filter(({ stale }) => stale).map(({ status }) => status);
        revalidate(stale.map((status) => status.ref));
        return { statuses: found.map(({ status }) => status), staleKeys: stale.map((status) => status.key) };
      } catch (error) {
        log(error, { step: 'read first screen', url });
        return { statuses: [], staleKeys: [] };
      }
    },

    /** Cached statuses at once (those not confirmed lately listed as stale and asked again), the rest asked now. */
    async get(refs: RecordRef[]): Promise<Answer> {
      const keys = refs.map(recordKey);
      const cached = await cache.read(keys).catch((error: unknown) => {
        log(error, { step: 'read cached statuses' });
        return new Map<string, { status: RecordStatus; stale: boolean }>();
      });
      const missing = refs.filter((_, i) => !cached.has(keys[i] as string));
      const staleKeys = keys.filter((key) => cached.get(key)?.stale);
      revalidate(refs.filter((_, i) => cached.get(keys[i] as string)?.stale));
      const fetched = missing.length > 0 ? await batcher.statuses(missing) : [];
      if (fetched.length > 0) void cache.write(fetched).catch((error: unknown) => log(error, { step: 'cache statuses' }));
      const byKey = new Map(fetched.map((status) => [status.key, status]));
      const statuses = keys.map((key) => (byKey.get(key) ?? cached.get(key)?.status) as RecordStatus);
      return { statuses, staleKeys };
    },
  };
}

export type Statuses = ReturnType<typeof createStatuses>;
