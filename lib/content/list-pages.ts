// Follows the page as the user moves around a single-page app: the column appears when a
// supported list is shown and leaves with it, once per list, never twice.
import { adapters } from '../adapters';
import type { RecordRef } from '../contract/records';
import { logError } from '../log';
import { callBackground } from '../messaging/client';
import type { SiteName } from '../sites';
import { followBackgroundUpdates } from './background-updates';
import { createRecordActions } from './record-actions';
import { createStatusStore } from './status-store';
import { mountSyncColumn } from './sync-column';

interface Lifetime {
  readonly isValid: boolean;
  addEventListener(target: EventTarget, type: string, listener: () => void): void;
  onInvalidated(callback: () => void): void;
}

export function followListPages(doc: Document, site: SiteName, lifetime: Lifetime): void {
  const adapter = adapters[site];
  // One store per tab: statuses seen on one list stay known when the user comes back to it.
  const store = createStatusStore((refs: RecordRef[]) => callBackground('getStatuses', { refs }));
  const actions = createRecordActions(store);
  followBackgroundUpdates(store, lifetime);
  let shown: string | null = null;
  let unmount: (() => void) | null = null;

  const update = () => {
    try {
      const page = adapter.listPage(new URL(doc.location.href));
      const id = page ? `${page.kind} ${JSON.stringify(page.scope)}` : null;
      if (id === shown) return;
      // Recorded first: the new column reads its rows (and calls back here) as it mounts.
      shown = id;
      unmount?.();
      unmount = null;
      if (page) unmount = mountSyncColumn(doc, page, adapter, { store, actions }, update);
    } catch (error) {
      logError('list-pages', error, { site, url: doc.location.href });
    }
  };
  update();
  // Hash routes (Zoho) and back/forward are reported once the address has changed. WXT reports a
  // pushState as it starts, before the address changes: it is looked at once it has.
  for (const type of ['hashchange', 'popstate']) lifetime.addEventListener(window, type, update);
  lifetime.addEventListener(window, 'wxt:locationchange', () => setTimeout(update, 0));
  lifetime.onInvalidated(() => unmount?.());
}
