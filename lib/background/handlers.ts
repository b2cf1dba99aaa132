// What the background answers to each method of the message protocol.
import { browser } from 'wxt/browser';
import { type RecordRef, recordKey } from '../contract/records';
import { BackgroundError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import { serviceConnection } from '../settings';
import type { AuditAction, InspectorDatabase } from './database';
import type { PushTracker } from './push-tracker';
import type { ServiceClient } from './service-client';
import type { Statuses } from './statuses';

export interface BackgroundParts {
  client: ServiceClient;
  db: InspectorDatabase;
  statuses: Statuses;
  pushes: PushTracker;
}

/**
 * One key per record version: a double click, or two tabs showing the same version of the record,
 * queue one push; once the record has changed (a failed push changes it), a new push is possible.
 */
export function pushKey(ref: RecordRef, updatedAt: string | null | undefined): string {
  const version = updatedAt ? Date.parse(updatedAt) : 0;
  return `push:${recordKey(ref).replaceAll('/', ':')}:${version}`;
}

export function createBackgroundHandlers({ client, db, statuses, pushes }: BackgroundParts): Handlers {
  async function audited<T>(action: AuditAction, ref: RecordRef, work: () => Promise<T>): Promise<T> {
    const entry = { at: Date.now(), action, key: recordKey(ref), ref };
    try {
      const result = await work();
      await db.audit.add({ ...entry, outcome: 'done' });
      return result;
    } catch (error) {
      const code = error instanceof BackgroundError ? error.code : 'failed';
      await db.audit.add({ ...entry, outcome: code, message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  return {
    async getConnection() {
      const connection = await serviceConnection.getValue();
      return { signedIn: connection !== null, version: browser.runtime.getManifest().version };
    },

    getStatuses: ({ refs }) => statuses.get(refs),

    async pushRecord({ ref }) {
      const cached = await db.statuses.get(recordKey(ref));
      return { job: await pushes.push(ref, pushKey(ref, cached?.status.updatedAt)) };
    },

    async lockRecord({ ref, reason }) {
      const status = await audited('lock', ref, () => client.lock(ref, reason));
      await statuses.publish([status]);
      return { status };
    },

    async unlockRecord({ ref, reason }) {
      const status = await audited('unlock', ref, () => client.unlock(ref, reason));
      await statuses.publish([status]);
      return { status };
    },
  };
}
