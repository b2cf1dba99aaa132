// The page's end of the background's update port: fresh statuses (a push that ended, a lock, a
// change made elsewhere) reach the cells as they happen. The port closes when the browser stops
// the worker; it is opened again (which starts the worker) and the page's rows are asked afresh.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { recordStatusSchema } from '../contract/status';
import { UPDATES_PORT } from '../background/page-updates';
import { logError } from '../log';
import type { StatusStore } from './status-store';

const updateSchema = z.object({ statuses: z.array(recordStatusSchema) });
const RECONNECT_MS = 1_000;

interface Lifetime {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
}

export function followBackgroundUpdates(store: StatusStore, lifetime: Lifetime): void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = () => {
    if (!lifetime.isValid) return;
    port = browser.runtime.connect({ name: UPDATES_PORT });
    port.onMessage.addListener((message: unknown) => {
      const update = updateSchema.safeParse(message);
      if (update.success) store.apply(update.data.statuses);
      else logError('background-updates', update.error, { step: 'read update' });
    });
    port.onDisconnect.addListener(() => {
      port = null;
      setTimeout(() => {
        if (!lifetime.isValid) return;
        connect();
        store.refresh(); // what changed while the worker was away
      }, RECONNECT_MS);
    });
  };
  connect();
  lifetime.onInvalidated(() => port?.disconnect());
}
