// Follows the page as the user moves around a single-page app: the column appears when a
// supported list is shown and leaves with it, once per list, never twice.
import { adapters } from '../adapters';
import type { RecordRef } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { logError } from '../log';
import { callBackground } from '../messaging/client';
import type { SiteName } from '../sites';
import { createStatusStore } from './status-store';
import { mountSyncColumn } from './sync-column';

interface Lifetime {
  addEventListener(target: EventTarget, type: string, listener: () => void): void;
  onInvalidated(callback: () => void): void;
}

export function followListPages(doc: Document, site: SiteName, lifetime: Lifetime): void {
  const adapter = adapters[site];
  // One store per tab: statuses seen on one list stay known when the user comes back to it.
  const store = createStatusStore(async (refs: RecordRef[]): Promise<RecordStatus[]> => (await callBackground('getStatuses', { refs })).statuses);
  let current: { id: string; unmount: () => void } | null = null;

  const update = () => {
    try {
      const page = adapter.listPage(new URL(doc.location.href));
      const id = page ? `${page.kind} ${JSON.stringify(page.scope)}` : null;
      if (id === (current?.id ?? null)) return;
      current?.unmount();
      current = page && id ? { id, unmount: mountSyncColumn(doc, page, adapter, store) } : null;
    } catch (error) {
      logError('list-pages', error, { site, url: doc.location.href });
    }
  };
  update();
  // WXT reports pushState navigation from the Navigation API's navigate event, which fires before
  // the address changes: the address is read once the page's own code has returned. Hash routes
  // (Zoho) and back/forward are reported after the change, and are read the same way.
  const afterNavigation = () => queueMicrotask(update);
  for (const type of ['wxt:locationchange', 'hashchange', 'popstate']) lifetime.addEventListener(window, type, afterNavigation);
  lifetime.onInvalidated(() => current?.unmount());
}
