// What the background answers to each method of the message protocol.
import { browser } from 'wxt/browser';
import { type RecordRef, recordKey } from '../contract/records';
import { BackgroundError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import { recordInPanel } from '../settings';
import { siteOf, supportedLists } from '../sites';
import type { AuditAction, InspectorDatabase } from './database';
import type { PushTracker } from './push-tracker';
import type { ServiceClient } from './service-client';
import type { BackgroundSettings } from './settings-in-memory';
import type { Statuses } from './statuses';

export interface BackgroundParts {
  log: (error: unknown, context: Record<string, unknown>) => void;
  /** Tells every open page that what it shows no longer holds (signed out). */
  resetPages: () => void;
  client: ServiceClient;
  db: InspectorDatabase;
  statuses: Statuses;
  pushes: PushTracker;
  settings: BackgroundSettings;
}

/**
 * One key per record version the user saw: a double click, or two tabs showing the same version
 * of the record, queue one push; once the record has changed (a failed push changes it), a new
 * push is possible. A record with no known version gets a key of its own, never a shared one
 * (the service keeps keys for good: a shared one would answer with an old, finished push).
 */
export function pushKey(ref: RecordRef, version: string | null): string {
  const stamp = version ? String(Date.parse(version)) : `once-${crypto.randomUUID()}`;
  return `push:${recordKey(ref).replaceAll('/', ':')}:${stamp}`;
}

/**
 * Opens the side panel on a tab. Where the browser has none (Firefox's sidebar cannot be opened
 * from a message) or refuses (the gesture was lost), the panel's page opens in a tab instead.
 */
async function openPanel(tabId: number | undefined, log: BackgroundParts['log']): Promise<'side-panel' | 'tab'> {
  const sidePanel = (browser as unknown as { sidePanel?: { open(options: { tabId: number }): Promise<void> } }).sidePanel;
  if (sidePanel && tabId !== undefined) {
    try {
      await sidePanel.open({ tabId });
      return 'side-panel';
    } catch (error) {
      log(error, { step: 'open side panel', tabId });
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  return 'tab';
}

export function createBackgroundHandlers({ log, resetPages, client, db, statuses, pushes, settings }: BackgroundParts): Handlers {
  async function audited<T>(action: AuditAction, ref: RecordRef, work: () => Promise<T>): Promise<T> {
    const entry = { at: Date.now(), action, key: recordKey(ref), ref };
    // The log is a record of what happened: failing to write it never changes what happened.
    const write = (outcome: string, message?: string) =>
      db.audit.add({ ...entry, outcome, message }).catch((error: unknown) => log(error, { step: `audit ${action}` }));
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await write(error instanceof BackgroundError ? error.code : 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
    await write('done');
    return result;
  }

  /** Locks or unlocks, in the audit log, and tells every open page. */
  async function changeLock(action: 'lock' | 'unlock', ref: RecordRef, reason: string | undefined) {
    const status = await audited(action, ref, () => client[action](ref, reason));
    await statuses.publish([status]);
    return { status };
  }

  return {
    async getConnection({ withFirstScreen }, { caller, url }) {
      const site = caller === 'content-script' ? siteOf(url) : null;
      // Read together: every page waits on this answer before it asks for anything.
      const [connection, decorated, hiddenKinds] = await Promise.all([settings.connection.get(), settings.sites.get(), settings.hiddenLists.get()]);
      const decorates = site ? decorated[site] !== false : true;
      const shows = site !== null && decorates && connection !== null;
      // A list page asks for its statuses next: the connection opens while it reads its rows.
      if (shows) void client.warmUp();
      const hidden = site ? hiddenKinds.filter((kind) => supportedLists.some((list) => list.kind === kind && list.site === site)) : [];
      const answer = { signedIn: connection !== null, version: browser.runtime.getManifest().version, decorates, hiddenLists: hidden };
      return shows && withFirstScreen ? { ...answer, firstScreen: await statuses.firstScreenOf(url) } : answer;
    },

    getStatuses: ({ refs }) => statuses.get(refs),

    async rememberFirstScreen({ refs }, { url }) {
      await statuses.rememberFirstScreen(url, refs);
      return {};
    },

    async pushRecord({ ref, version }) {
      return { job: await pushes.push(ref, pushKey(ref, version)) };
    },

    lockRecord: ({ ref, reason }) => changeLock('lock', ref, reason),
    unlockRecord: ({ ref, reason }) => changeLock('unlock', ref, reason),

    async openOptions() {
      await browser.runtime.openOptionsPage();
      return {};
    },

    async showInPanel({ ref }, { tabId }) {
      // Called before anything is awaited: Chrome opens a side panel only within the click's gesture.
      const opened = openPanel(tabId, log);
      await recordInPanel.setValue({ ref, at: Date.now() });
      return { openedIn: await opened };
    },

    getAccount: async () => ({ me: await client.me() }),
    getErrorSummary: () => client.errorSummary(),
    getHistory: ({ ref }) => client.history(ref),

    async getAuditLog({ search }) {
      const words = search?.toLowerCase() ?? '';
      const entries = (await db.audit.orderBy('at').reverse().limit(1000).toArray())
        .filter((entry) => !words || [entry.key, entry.action, entry.outcome, entry.message ?? ''].join(' ').toLowerCase().includes(words))
        .slice(0, 200)
        .map(({ at, action, key, outcome, message }) => ({ at, action, key, outcome, message }));
      return { entries };
    },
    async resolveUrl({ url }) {
      const resolved = await client.resolveUrl(url);
      await statuses.publish([resolved.status]);
      return resolved;
    },

    async getSettings() {
      return { serviceUrl: (await settings.connection.get())?.serviceUrl ?? null, sites: await settings.sites.get(), hiddenLists: await settings.hiddenLists.get() };
    },

    async setSiteDecorated({ site, on }) {
      await settings.sites.update((sites) => ({ ...sites, [site]: on }));
      resetPages();
      return {};
    },

    async setListDecorated({ list, on }) {
      await settings.hiddenLists.update((hidden) => {
        const others = hidden.filter((kind) => kind !== list);
        return on ? others : [...others, list];
      });
      resetPages();
      return {};
    },

    // Saved first, so nothing typed is lost, then checked: the answer says who it is, or what is wrong.
    async saveConnection(connection) {
      await settings.connection.set(connection);
      await statuses.forget(); // before the pages ask again, not whenever the storage event comes
      resetPages();
      return { me: await client.me() };
    },

    testConnection: async (connection) => ({ me: await client.me(connection) }),

    async signOut() {
      await settings.connection.set(null);
      await statuses.forget();
      await db.requests.clear(); // pushes asked for but not yet sent go with the sign-in
      resetPages();
      return {};
    },
  };
}
