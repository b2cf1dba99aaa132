// Follows the page as the user moves around a single-page app: the column appears when a
// supported list is shown and leaves with it, once per list, never twice; on a lockable record's
// own page, its lock is shown and guarded.
import { adapters } from '../adapters';
import type { ListPage } from '../adapters/types';
import { parseRecordUrl } from '../contract/record-urls';
import { isLockable, type RecordRef, recordKey } from '../contract/records';
import { logError } from '../log';
import { callBackground } from '../messaging/client';
import type { SiteName } from '../sites';
import { followBackgroundUpdates } from './background-updates';
import { guardLockedRecord } from './locked-record';
import type { Connection } from './inspector';
import { answerThePopup } from './page-report';
import { createRecordActions } from './record-actions';
import { createStatusStore } from './status-store';
import { type MountedColumn, mountSyncColumn } from './sync-column';

interface Lifetime {
  readonly isValid: boolean;
  addEventListener(target: EventTarget, type: string, listener: () => void): void;
  onInvalidated(callback: () => void): void;
}

/** A Procore record's own page (detail or edit): the record, and whether it is its edit page. */
function lockableRecordPage(url: URL): { ref: RecordRef; editPage: boolean } | null {
  const parsed = parseRecordUrl(url.href);
  if (!parsed.ok || !isLockable(parsed.ref)) return null;
  return { ref: parsed.ref, editPage: /\/edit$/.test(url.pathname.replace(/\/+$/, '')) };
}

export function followListPages(doc: Document, site: SiteName, lifetime: Lifetime, firstConnection?: Connection): void {
  const adapter = adapters[site];
  // One store per tab: statuses seen on one list stay known when the user comes back to it.
  const store = createStatusStore((refs: RecordRef[]) => callBackground('getStatuses', { refs }), {
    onFirstScreen: (refs) =>
      void callBackground('rememberFirstScreen', { refs }).catch((error: unknown) => logError('list-pages', error, { step: 'remember first screen' })),
  });
  if (firstConnection?.firstScreen) store.startWith(firstConnection.firstScreen);
  const actions = createRecordActions(store);
  let shown: string | null = null;
  let unmount: (() => void) | null = null;
  /** The list shown now, for the popup's report. */
  let current: { page: ListPage; column: MountedColumn } | null = null;
  /**
   * Until signed in, a list gets only a sign-in hint in its header; a site the user switched off
   * (or list) gets nothing; nothing is drawn before either is known.
   */
  let signedIn: boolean | null = null;
  let decorates = false;
  let hidden: readonly string[] = [];
  const apply = (connection: Connection) => {
    const sameLists = connection.hiddenLists.join() === hidden.join();
    if (connection.signedIn === signedIn && connection.decorates === decorates && sameLists) return;
    signedIn = connection.signedIn;
    decorates = connection.decorates;
    hidden = connection.hiddenLists;
    // Drawn again, for the new state (or not at all).
    unmount?.();
    unmount = null;
    shown = null;
    update();
  };
  const checkSignedIn = () =>
    callBackground('getConnection', {})
      .then(apply)
      .catch((error: unknown) => logError('list-pages', error, { step: 'connection' }));
  followBackgroundUpdates(store, lifetime, () => void checkSignedIn());

  const update = () => {
    if (signedIn === null) return;
    try {
      const url = new URL(doc.location.href);
      const listed = adapter.listPage(url);
      const page = listed && !hidden.includes(listed.kind) ? listed : null;
      const record = listed ? null : lockableRecordPage(url);
      const id = !decorates
        ? null
        : page
          ? `list ${page.kind} ${JSON.stringify(page.scope)}`
          : record
            ? `record ${recordKey(record.ref)} ${record.editPage}`
            : null;
      if (id === shown) return;
      // Recorded first: the new column reads its rows (and calls back here) as it mounts.
      shown = id;
      unmount?.();
      unmount = null;
      current = null;
      if (!id) return;
      if (page) {
        const column = mountSyncColumn(doc, page, adapter, { store, actions, signedIn }, update);
        current = { page, column };
        unmount = () => column.unmount();
      } else if (record) unmount = guardLockedRecord(doc, record.ref, store, record.editPage);
    } catch (error) {
      logError('list-pages', error, { site, url: doc.location.href });
    }
  };
  // The inspector's start has just asked: its answer is used, not asked again.
  if (firstConnection) apply(firstConnection);
  else void checkSignedIn();
  // Hash routes (Zoho) and back/forward are reported once the address has changed. WXT reports a
  // pushState as it starts, before the address changes: it is looked at once it has.
  for (const type of ['hashchange', 'popstate']) lifetime.addEventListener(window, type, update);
  lifetime.addEventListener(window, 'wxt:locationchange', () => setTimeout(update, 0));
  lifetime.onInvalidated(() => unmount?.());
  answerThePopup(lifetime, { store, actions, current: () => current });
}
