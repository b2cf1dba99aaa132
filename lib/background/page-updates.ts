// Open pages keep a port to the background; fresh statuses (a push that ended, a lock, a change
// made elsewhere) are sent down every port at once, so every tab showing a record agrees. A page
// whose port closes (the worker was stopped) connects again and asks for its rows afresh.
import type { Browser } from 'wxt/browser';
import type { RecordStatus } from '../contract/status';

export const UPDATES_PORT = 'erp-sync-updates';

type Port = Browser.runtime.Port;

export interface PageUpdatesOptions {
  /** Whether the port comes from our own content script or page (checked like every message). */
  allowed: (sender: Port['sender']) => boolean;
  /** Called when the first page connects and when the last one leaves. */
  onOpen: () => void;
  onClosed: () => void;
}

export function createPageUpdates({ allowed, onOpen, onClosed }: PageUpdatesOptions) {
  const ports = new Set<Port>();
  const postToAll = (message: object) => {
    for (const port of ports) {
      try {
        port.postMessage(message);
      } catch {
        ports.delete(port); // closed while we were sending
      }
    }
  };
  return {
    connect(port: Port) {
      if (port.name !== UPDATES_PORT) return;
      if (!allowed(port.sender)) {
        port.disconnect();
        return;
      }
      ports.add(port);
      // The page's keep-alive words need no answer; receiving them keeps the worker running.
      port.onMessage.addListener(() => undefined);
      if (ports.size === 1) onOpen();
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        if (ports.size === 0) onClosed();
      });
    },
    /** Every page forgets what it shows and asks again (after signing out or in). */
    reset: () => postToAll({ reset: true }),
    send(statuses: RecordStatus[]) {
      if (statuses.length > 0) postToAll({ statuses });
    },
  };
}
