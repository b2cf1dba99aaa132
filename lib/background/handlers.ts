// What the background answers to each method of the message protocol.
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { serviceConnection } from '../settings';
import type { ServiceClient } from './service-client';
import { createStatusBatcher } from './status-batcher';

export function createBackgroundHandlers(client: ServiceClient): Handlers {
  const batcher = createStatusBatcher((refs) => client.lookup(refs));
  return {
    async getConnection() {
      const connection = await serviceConnection.getValue();
      return { signedIn: connection !== null, version: browser.runtime.getManifest().version };
    },

    async getStatuses({ refs }) {
      return { statuses: await batcher.statuses(refs) };
    },
  };
}
