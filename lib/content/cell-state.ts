// What a row's cell says, from what is known of its record. Colour is never the only signal: each
// state has its own icon shape and an accessible name.
import { recordUrl } from '../contract/deep-links';
import { isLockable, systemLabels } from '../contract/records';
import type { RecordStatus } from '../contract/status';

export type CellIcon = 'tick' | 'cross' | 'clock' | 'warning' | 'question' | 'offline' | 'dots';

export interface CellView {
  icon: CellIcon;
  /** The accessible name, also shown on hover and focus. */
  label: string;
  /** A second line with what to do, when there is something to do. */
  detail: string | null;
  tone: 'good' | 'bad' | 'busy' | 'muted';
}

/**
 * What the cell knows: nothing yet, a status (possibly stale: shown from the background's memory
 * while it is asked again; with a problem when an action the user took was refused), or why the
 * status could not be had.
 */
export type Known =
  | { kind: 'loading' }
  | { kind: 'status'; status: RecordStatus; stale?: boolean; problem?: string }
  | { kind: 'error'; code: string; message: string };

export function cellView(known: Known): CellView {
  if (known.kind === 'loading') return { icon: 'dots', label: 'Checking sync status…', detail: null, tone: 'muted' };
  if (known.kind === 'error') return { icon: 'offline', label: 'Sync status unavailable', detail: known.message, tone: 'muted' };
  const { status } = known;
  const other = status.counterpart
    ? `${systemLabels[status.counterpart.ref.system]}${status.counterpart.number ? ` ${status.counterpart.number}` : ''}`
    : null;
  switch (status.state) {
    case 'synced':
      return { icon: 'tick', label: other ? `Synced with ${other}` : 'Synced', detail: null, tone: 'good' };
    case 'not_synced': {
      const fields = status.differences.map((d) => d.label.toLowerCase());
      return {
        icon: 'cross',
        label: 'Not synced',
        detail: fields.length > 0 ? `${fields.join(', ')} differ${other ? ` from ${other}` : ''}` : other ? null : 'Not in the other system yet',
        tone: 'bad',
      };
    }
    case 'pending':
      return { icon: 'clock', label: 'Sync in progress', detail: null, tone: 'busy' };
    case 'failed':
      return {
        icon: 'warning',
        label: `Sync failed: ${status.lastError?.message ?? 'no reason given'}`,
        detail: status.lastError?.hint ?? null,
        tone: 'bad',
      };
    case 'unknown':
      return { icon: 'question', label: 'Not known to the sync service', detail: 'The integration has not reported this record yet.', tone: 'muted' };
  }
}

/** What the user can do from the cell. Each is offered only when it makes sense. */
export interface CellActions {
  /** Push to the other system: when not synced or failed, and neither locked nor already being pushed. */
  push: { label: string } | null;
  /** Procore direct costs and invoices the service knows, not while a push is running. */
  lock: { kind: 'lock' | 'unlock'; label: string } | null;
  /** Opens the counterpart in the other system, when there is one. */
  view: { url: string; label: string } | null;
}

const NO_ACTIONS: CellActions = { push: null, lock: null, view: null };

export function cellActions(known: Known): CellActions {
  if (known.kind !== 'status') return NO_ACTIONS;
  const { status } = known;
  const busy = status.state === 'pending' || status.activeJobId !== null;
  const counterpart = status.counterpart;
  const otherSystem = counterpart ? systemLabels[counterpart.ref.system] : status.ref.system === 'procore' ? 'the accounting system' : 'Procore';
  const canPush = (status.state === 'not_synced' || status.state === 'failed') && !status.lock.locked && !busy;
  const url = counterpart ? (counterpart.url ?? recordUrl(counterpart.ref)) : null;
  return {
    push: canPush ? { label: `Re-sync to ${otherSystem}` } : null,
    lock:
      isLockable(status.ref) && !busy && status.state !== 'unknown'
        ? status.lock.locked
          ? { kind: 'unlock', label: 'Unlock: allow edits in Procore again' }
          : { kind: 'lock', label: 'Lock against edits in Procore' }
        : null,
    view: url && counterpart ? { url, label: `Open ${counterpart.number ?? 'the record'} in ${otherSystem}` } : null,
  };
}

/** The details under the summary on hover and focus: lock, last sync, the fields that differ, what went wrong. */
export function cellFacts(known: Known, time: (iso: string) => string = (iso) => new Date(iso).toLocaleString()): string[] {
  if (known.kind !== 'status') return [];
  const { status } = known;
  const facts: string[] = [];
  if (known.problem) facts.push(known.problem);
  if (status.lock.locked) {
    const when = status.lock.at ? ` on ${time(status.lock.at)}` : '';
    facts.push(`Locked by ${status.lock.by ?? 'someone'}${when}${status.lock.reason ? `: ${status.lock.reason}` : ''}`);
  }
  const other = status.counterpart ? systemLabels[status.counterpart.ref.system] : 'the other system';
  for (const d of status.differences) facts.push(`${d.label}: ${d.here ?? 'none'} here, ${d.there ?? 'none'} in ${other}`);
  if (status.lastSyncedAt) facts.push(`Last synced ${time(status.lastSyncedAt)}`);
  if (known.stale) facts.push('Shown from memory while the sync service is asked again');
  return facts;
}
