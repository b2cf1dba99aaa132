// What the background answers to each method of the message protocol.
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { serviceConnection } from '../settings';

export const backgroundHandlers: Handlers = {
  async getConnection() {
    const connection = await serviceConnection.getValue();
    return { signedIn: connection !== null, version: browser.runtime.getManifest().version };
  },
};
