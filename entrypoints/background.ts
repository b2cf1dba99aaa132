// The background service worker: the only place that holds the service token and talks to the
// sync-status service. Every listener is registered synchronously, as MV3 requires; the worker may
// be stopped at any time, so what must outlive it (open pushes, cached statuses) is in its database.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createChangeFeed } from '@/lib/background/change-feed';
import { openInspectorDatabase } from '@/lib/background/database';
import { createFirstScreens } from '@/lib/background/first-screens';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createPageUpdates } from '@/lib/background/page-updates';
import { createPushTracker } from '@/lib/background/push-tracker';
import { createServiceClient } from '@/lib/background/service-client';
import { keepSettingsInMemory } from '@/lib/background/settings-in-memory';
import { createStatusCache } from '@/lib/background/status-cache';
import { createStatuses } from '@/lib/background/statuses';
import { logError } from '@/lib/log';
import { callerOf, createRouter } from '@/lib/messaging/router';
import { serviceConnection } from '@/lib/settings';

/** Rings while pushes are open, so that a stopped worker is started again to finish them. */
const PUSHES_ALARM = 'erp-sync-open-pushes';

export default defineBackground(() => {
  restrictStorageToExtension();
  const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const log = (error: unknown, context: Record<string, unknown>) => logError('background', error, context);
  const settings = keepSettingsInMemory();
  const client = createServiceClient({ connection: () => settings.connection.get() });
  const db = openInspectorDatabase();
  const cache = createStatusCache(db, Date.now, Date.now());
  const pages = createPageUpdates({
    allowed: (sender) => callerOf(sender ?? {}, extension) !== null,
    onOpen: () => feed.start(),
    onClosed: () => feed.stop(),
  });
  const firstScreens = createFirstScreens(db, log);
  const statuses = createStatuses({
    lookup: (refs) => client.lookup(refs),
    cache,
    firstScreens,
    sendToPages: (sent) => pages.send(sent),
    log,
  });
  const feed = createChangeFeed({
    client,
    publish: statuses.publish,
    // A revoked token: nothing remembered is shown again, and every page asks afresh (and is refused).
    onTokenRejected: () =>
      void statuses.forget().then(
        () => pages.reset(),
        (error: unknown) => log(error, { step: 'forget statuses' }),
      ),
  });
  const pushes = createPushTracker({
    client,
    db,
    publish: statuses.publish,
    log,
    keepAwake: (on) => {
      const alarm = on ? browser.alarms.create(PUSHES_ALARM, { periodInMinutes: 0.5 }) : browser.alarms.clear(PUSHES_ALARM);
      void Promise.resolve(alarm).catch((error: unknown) => log(error, { step: 'pushes alarm' }));
    },
  });
  const route = createRouter(createBackgroundHandlers({ log, resetPages: () => pages.reset(), client, db, statuses, pushes, settings }), extension);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const answer = route(message, sender);
    if (!answer) return false;
    void answer.then(sendResponse); // the router never rejects: failures become error answers
    return true; // keeps the channel open until the answer is sent
  });
  browser.runtime.onConnect.addListener((port) => pages.connect(port));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PUSHES_ALARM) void pushes.resume();
  });
  // A worker started again (by a page, the alarm, or the browser) finishes what the last one began.
  void pushes.resume().catch((error: unknown) => log(error, { step: 'resume pushes' }));
  void cache.prune().catch((error: unknown) => log(error, { step: 'prune cache' }));
  void firstScreens.prune().catch((error: unknown) => log(error, { step: 'prune first screens' }));
  // Statuses of one service (or tenant) are never shown once connected to another, however it changed.
  serviceConnection.watch(() => void statuses.forget().catch((error: unknown) => log(error, { step: 'clear cache' })));

});

/**
 * Content scripts can read storage.local by default. Chrome lets the background restrict it to
 * trusted contexts; Firefox cannot (its access levels apply to storage.session only), so there the
 * token must move to the extension's own database when the options page stores it (issue 6).
 */
function restrictStorageToExtension(): void {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  // Absent in Firefox and older Chrome: see above.
  local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error) => logError('background', error, { step: 'setAccessLevel' }));
}
