// The statuses the background gives pages: from its cache when it can, from the service when it
// must, and every fresh status cached and sent to all open pages; a page loaded again is given, with
// its first answer, what it showed first last time.
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import type { FirstScreens } from './first-screens';
import type { StatusCache } from './status-cache';
import { createStatusBatcher } from './status-batcher';

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

  return {
    publish,

    /** Forgets every remembered status, and what each page showed (signed out, or into another service). */
    forget: () => Promise.all([cache.clear(), firstScreens.clear()]).then(() => undefined),

    /** Notes the records the page at this address showed first, for its next load. */
    rememberFirstScreen: (url: string, refs: RecordRef[]) => firstScreens.remember(url, refs),

    /**
     * The remembered statuses of what the page at this address showed first last time, from the
     * cache only: nothing is asked of the service (the page asks again for the stale ones itself,
     * once it can hear the answer).
     */
    async firstScreenOf(url: string): Promise<{ statuses: RecordStatus[]; staleKeys: string[] }> {
      try {
        const refs = await firstScreens.of(url);
        const cached = refs.length > 0 ? await cache.read(refs.map(recordKey)) : new Map<string, { status: RecordStatus; stale: boolean }>();
        const found = [...cached.values()];
        return { statuses: found.map(({ status }) => status), staleKeys: found.filter(({ stale }) => stale).map(({ status }) => status.key) };
      } catch (error) {
        log(error, { step: 'read first screen', url });
        return { statuses: [], staleKeys: [] };
      }
    },

    /** Cached statuses at once (those not confirmed lately listed as stale and asked again), the rest asked now. */
    async get(refs: RecordRef[]): Promise<{ statuses: RecordStatus[]; staleKeys: string[] }> {
      const keys = refs.map(recordKey);
      const cached = await cache.read(keys).catch((error: unknown) => {
        log(error, { step: 'read cached statuses' });
        return new Map<string, { status: RecordStatus; stale: boolean }>();
      });
      const missing = refs.filter((_, i) => !cached.has(keys[i] as string));
      const staleKeys = keys.filter((key) => cached.get(key)?.stale);
      if (staleKeys.length > 0) {
        // Revalidated behind the page's back; the answer reaches it through its update port.
        const stale = refs.filter((_, i) => cached.get(keys[i] as string)?.stale);
        batcher.statuses(stale).then(publish, (error: unknown) => log(error, { step: 'revalidate statuses' }));
      }
      const fetched = missing.length > 0 ? await batcher.statuses(missing) : [];
      if (fetched.length > 0) void cache.write(fetched).catch((error: unknown) => log(error, { step: 'cache statuses' }));
      const byKey = new Map(fetched.map((status) => [status.key, status]));
      const statuses = keys.map((key) => (byKey.get(key) ?? cached.get(key)?.status) as RecordStatus);
      return { statuses, staleKeys };
    },
  };
}

export type Statuses = ReturnType<typeof createStatuses>;
