// What the toolbar popup learns of the page it was opened on: which supported list it is, and
// each row's record and state; and its one request: re-sync every row that is not synced. Only
// the extension's own pages may ask (never a web page, never another content script).
import { browser } from 'wxt/browser';
import type { ListPage } from '../adapters/types';
import { recordKey, systemLabels } from '../contract/records';
import { CHANNEL } from '../messaging/channel';
import type { RecordActions } from './record-actions';
import type { MountedColumn } from './sync-column';
import type { StatusStore } from './status-store';

const asks = ['report', 'resync-not-synced'] as const;
type Ask = (typeof asks)[number];

/** What the popup asks of the page, or null for any other message. */
function askOf(message: unknown): Ask | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, to, ask, ...rest } = message as Record<string, unknown>;
  const isOurs = channel === CHANNEL && to === 'page' && Object.keys(rest).length === 0;
  return isOurs && (asks as readonly unknown[]).includes(ask) ? (ask as Ask) : null;
}

export interface ReportedRow {
  key: string;
  number: string | null;
  state: string;
  locked: boolean;
  counterpart: string | null;
  lastSyncedAt: string | null;
  error: string | null;
  /** Whether it can be re-synced now (not synced or failed, not locked, not being pushed). */
  pushable: boolean;
}

export interface PageReport {
  page: Pick<ListPage, 'site' | 'kind' | 'title'> | null;
  rows: ReportedRow[];
}

interface Parts {
  store: StatusStore;
  actions: RecordActions;
  current: () => { page: ListPage; column: MountedColumn } | null;
}

export function reportOf({ store, current }: Parts): PageReport {
  const shown = current();
  if (!shown) return { page: null, rows: [] };
  const rows = shown.column.records().map((ref): ReportedRow => {
    store.want(ref); // rows not yet scrolled to are asked for now
    const known = store.get(recordKey(ref));
    if (known.kind !== 'status') {
      const error = known.kind === 'error' ? known.message : null;
      return { key: recordKey(ref), number: null, state: error ? 'unavailable' : 'checking', locked: false, counterpart: null, lastSyncedAt: null, error, pushable: false };
    }
    const { status } = known;
    const counterpart = status.counterpart ? `${systemLabels[status.counterpart.ref.system]} ${status.counterpart.number ?? status.counterpart.ref.recordId}` : null;
    return {
      key: status.key,
      number: status.number,
      state: status.state,
      locked: status.lock.locked,
      counterpart,
      lastSyncedAt: status.lastSyncedAt,
      error: status.lastError ? `${status.lastError.message}${status.lastError.hint ? ` ${status.lastError.hint}` : ''}` : null,
      pushable: (status.state === 'not_synced' || status.state === 'failed') && !status.lock.locked && status.activeJobId === null,
    };
  });
  const { site, kind, title } = shown.page;
  return { page: { site, kind, title }, rows };
}

/**
 * Pushes every row that can be re-synced now. Counted as the background answers: a push it
 * refused (a lock, a missing scope) is not queued, and its row says why.
 */
export async function resyncNotSynced(parts: Parts): Promise<{ queued: number; refused: number }> {
  const shown = parts.current();
  const refs = shown ? shown.column.records() : [];
  const pushable = new Set(reportOf(parts).rows.filter((row) => row.pushable).map((row) => row.key));
  const chosen = refs.filter((ref) => pushable.has(recordKey(ref)));
  const taken = await Promise.all(chosen.map((ref) => parts.actions.push(ref)));
  const queued = taken.filter(Boolean).length;
  return { queued, refused: chosen.length - queued };
}

export function answerThePopup(lifetime: { onInvalidated(callback: () => void): void }, parts: Parts): void {
  const listener = (message: unknown, sender: { id?: string; url?: string; tab?: unknown }, respond: (answer: unknown) => void) => {
    const ask = askOf(message);
    // Only the extension's own pages (they have no tab of a web page).
    if (!ask || sender.id !== browser.runtime.id || sender.tab || !sender.url?.startsWith(browser.runtime.getURL('/'))) return false;
    if (ask === 'report') {
      respond(reportOf(parts));
      return false;
    }
    void resyncNotSynced(parts).then(respond);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  lifetime.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
