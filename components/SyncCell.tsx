// The "ERP Synced" cell of one row: the record's state as an icon with an accessible name, and
// the details on hover and keyboard focus.
import { useCallback, useId, useSyncExternalStore } from 'react';
import { cellView } from '@/lib/content/cell-state';
import type { StatusStore } from '@/lib/content/status-store';
import { StatusIcon } from './StatusIcon';

export function SyncCell({ recordKey, store }: { recordKey: string; store: StatusStore }) {
  const subscribe = useCallback((listener: () => void) => store.subscribe(recordKey, listener), [store, recordKey]);
  const known = useSyncExternalStore(subscribe, () => store.get(recordKey));
  const view = cellView(known);
  const bubbleId = useId();
  return (
    <>
      <span
        className={`badge ${view.tone}`}
        role="img"
        aria-label={view.label}
        aria-describedby={view.detail ? bubbleId : undefined}
        tabIndex={0}
        data-state={known.kind === 'status' ? known.status.state : known.kind}
      >
        <StatusIcon icon={view.icon} />
      </span>
      <span className="bubble" id={bubbleId} role="tooltip">
        {view.label}
        {view.detail && <span className="detail">{view.detail}</span>}
      </span>
    </>
  );
}
