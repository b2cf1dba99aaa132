// The statuses the background gives pages: from its cache when it can, from the service when it
// must, and every fresh status cached and sent to all open pages.
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import type { StatusCache } from './status-cache';
import { createStatusBatcher } from './status-batcher';

export interface StatusesOptions {
  lookup: (refs: RecordRef[]) => Promise<RecordStatus[]>;
  cache: StatusCache;
  sendToPages: (statuses: RecordStatus[]) => void;
  log: (error: unknown, context: Record<string, unknown>) => void;
}

export function createStatuses({ lookup, cache, sendToPages, log }: StatusesOptions) {
  const batcher = createStatusBatcher(lookup);

  async function publish(statuses: RecordStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    sendToPages(statuses);
    await cache.write(statuses).catch((error: unknown) => log(error, { step: 'cache statuses' }));
  }

  return {
    publish,

    /** Forgets every remembered status (signed out, or into another service). */
    forget: () => cache.clear(),

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
