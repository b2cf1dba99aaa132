// The background's own database (IndexedDB of the extension's origin, which no web page and no
// content script can open): cached statuses, the records each page showed first, the pushes being
// followed, and the audit log of what the user did from this browser.
import { Dexie, type EntityTable } from 'dexie';
import type { RecordRef } from '../contract/records';
import type { JobState, RecordStatus } from '../contract/status';

export interface CachedStatus {
  key: string;
  status: RecordStatus;
  /** When the service said it (ms since the epoch). */
  fetchedAt: number;
}

export interface TrackedPush {
  jobId: string;
  key: string;
  ref: RecordRef;
  state: JobState;
  startedAt: number;
  finishedAt?: number;
}

/** The records a page (by its address) showed first when it was last loaded. */
export interface FirstScreen {
  url: string;
  refs: RecordRef[];
  at: number;
}

/** A push asked for but not yet answered by the service: sent again, same key, if the worker stopped meanwhile. */
export interface PushRequestRecord {
  idempotencyKey: string;
  ref: RecordRef;
  at: number;
}

export type AuditAction = 'push' | 'lock' | 'unlock';

export interface AuditEntry {
  id?: number;
  at: number;
  action: AuditAction;
  key: string;
  ref: RecordRef;
  /** What became of it: queued, succeeded, failed, or the refusal's code. */
  outcome: string;
  message?: string;
}

export type InspectorDatabase = Dexie & {
  statuses: EntityTable<CachedStatus, 'key'>;
  pushes: EntityTable<TrackedPush, 'jobId'>;
  requests: EntityTable<PushRequestRecord, 'idempotencyKey'>;
  audit: EntityTable<AuditEntry, 'id'>;
  firstScreens: EntityTable<FirstScreen, 'url'>;
};

export function openInspectorDatabase(name = 'erp-sync-inspector'): InspectorDatabase {
  const db = new Dexie(name) as InspectorDatabase;
  db.version(1).stores({
    statuses: 'key, fetchedAt',
    pushes: 'jobId, key, state',
    audit: '++id, at, key, action',
  });
  db.version(2).stores({ requests: 'idempotencyKey' });
  db.version(3).stores({ firstScreens: 'url, at' });
  return db;
}
