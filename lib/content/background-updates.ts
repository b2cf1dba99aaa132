// The page's end of the background's update port: fresh statuses (a push that ended, a lock, a
// change made elsewhere) reach the cells as they happen. The port closes when the browser stops
// the worker; it is opened again (which starts the worker) and the page's rows are asked afresh.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { recordStatusSchema } from '../contract/status';
import { UPDATES_PORT } from '../background/page-updates';
import { logError } from '../log';
import type { StatusStore } from './status-store';

const updateSchema = z.union([z.object({ statuses: z.array(recordStatusSchema) }), z.object({ reset: z.literal(true) })]);
const FIRST_RECONNECT_MS = 1_000;
const LAST_RECONNECT_MS = 30_000;
/**
 * A word on the port this often keeps the worker (and its change feed) running while the page is
 * open: Chrome stops a worker after 30 s without an event.
 */
const KEEPALIVE_MS = 20_000;

interface Lifetime {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
}

/** `onReset`: signed out, or into another service: what the page shows no longer holds. */
export function followBackgroundUpdates(store: StatusStore, lifetime: Lifetime, onReset: () => void): void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  /** Closings in a row without a message between them: the pause before reconnecting grows. */
  let closings = 0;
  const connect = () => {
    if (!lifetime.isValid) return;
    const opened = Date.now();
    const current = browser.runtime.connect({ name: UPDATES_PORT });
    port = current;
    const keepalive = setInterval(() => {
      try {
        current.postMessage({ alive: true });
      } catch {
        clearInterval(keepalive); // closed: onDisconnect reconnects
      }
    }, KEEPALIVE_MS);
    current.onMessage.addListener((message: unknown) => {
      closings = 0;
      const update = updateSchema.safeParse(message);
      if (!update.success) logError('background-updates', update.error, { step: 'read update' });
      else if ('reset' in update.data) {
        store.reset();
        onReset();
      }
      else store.apply(update.data.statuses);
    });
    current.onDisconnect.addListener(() => {
      clearInterval(keepalive);
      port = null;
      if (Date.now() - opened > KEEPALIVE_MS) closings = 0; // it had worked: not a refusal
      const pause = Math.min(LAST_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** Math.min(closings, 5));
      closings++;
      setTimeout(() => {
        if (!lifetime.isValid) return;
        connect();
        store.refresh(); // what changed while the worker was away
      }, pause);
    });
  };
  connect();
  lifetime.onInvalidated(() => port?.disconnect());
}
