// The background service worker: the only place that holds the service token and talks to the
// sync-status service. Every listener is registered synchronously, as MV3 requires.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createServiceClient } from '@/lib/background/service-client';
import { logError } from '@/lib/log';
import { createRouter } from '@/lib/messaging/router';
import { serviceConnection } from '@/lib/settings';

export default defineBackground(() => {
  restrictStorageToExtension();
  const client = createServiceClient({ connection: () => serviceConnection.getValue() });
  const route = createRouter(createBackgroundHandlers(client), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const answer = route(message, sender);
    if (!answer) return false;
    void answer.then(sendResponse); // the router never rejects: failures become error answers
    return true; // keeps the channel open until the answer is sent
  });
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
