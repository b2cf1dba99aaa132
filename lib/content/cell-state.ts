// What a row's cell says, from what is known of its record. Colour is never the only signal: each
// state has its own icon shape and an accessible name.
import { systemLabels } from '../contract/records';
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

/** What the cell knows: nothing yet, a status, or why the status could not be had. */
export type Known = { kind: 'loading' } | { kind: 'status'; status: RecordStatus } | { kind: 'error'; code: string; message: string };

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
