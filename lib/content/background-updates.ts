// The page's end of the background's update port: fresh statuses (a push that ended, a lock, a
// change made elsewhere) reach the cells as they happen. The port closes when the browser stops
// the worker; it is opened again (which starts the worker) and the page's rows are asked afresh.
import { browser } from 'wxt/browser';
import type { RecordStatus } from '../contract/status';
import { UPDATES_PORT } from '../background/page-updates';
import { logError } from '../log';
import type { StatusStore } from './status-store';

/**
 * An update from our background (a port only our extension can open): its statuses were checked
 * against the contract when they came from the service, so only the envelope is looked at here.
 */
type Update = { statuses: RecordStatus[] } | { reset: true };
const asUpdate = (message: unknown): Update | null => {
  if (typeof message !== 'object' || message === null) return null;
  const { statuses, reset } = message as Record<string, unknown>;
  if (reset === true) return { reset };
  return Array.isArray(statuses) ? { statuses: statuses as RecordStatus[] } : null;
};
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
      const update = asUpdate(message);
      if (!update) logError('background-updates', new Error('An update from the background was not understood.'), { step: 'read update' });
      else if ('reset' in update) {
        store.reset();
        onReset();
      }
      else store.apply(update.statuses);
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
