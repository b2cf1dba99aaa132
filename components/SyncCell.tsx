// The "ERP Synced" cell of one row: the record's state as an icon with an accessible name, and
// the details on hover and keyboard focus.
import { useCallback, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { cellView } from '@/lib/content/cell-state';
import type { StatusStore } from '@/lib/content/status-store';
import { StatusIcon } from './StatusIcon';

/** Room kept between the badge, the bubble and the window's edges. */
const GAP = 6;

export function SyncCell({ recordKey, store }: { recordKey: string; store: StatusStore }) {
  const subscribe = useCallback((listener: () => void) => store.subscribe(recordKey, listener), [store, recordKey]);
  const known = useSyncExternalStore(subscribe, () => store.get(recordKey));
  const view = cellView(known);
  const bubbleId = useId();
  const badge = useRef<HTMLSpanElement>(null);
  const bubble = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);

  // The bubble is shown in the top layer: host tables and grids clip their cells, and it must
  // be read whole. It sits above the badge, right-aligned, or below when there is no room above.
  useLayoutEffect(() => {
    const element = bubble.current;
    const anchor = badge.current?.getBoundingClientRect();
    // The host may have removed the row while the bubble was open: nothing to show then.
    if (!element || !anchor || !element.isConnected) return;
    if (!open) {
      if (element.matches(':popover-open')) element.hidePopover();
      return;
    }
    if (!element.matches(':popover-open')) element.showPopover();
    const { width, height } = element.getBoundingClientRect();
    const above = anchor.top - GAP - height;
    element.style.top = `${above >= GAP ? above : anchor.bottom + GAP}px`;
    element.style.left = `${Math.max(GAP, Math.min(anchor.right - width, window.innerWidth - width - GAP))}px`;
    // A bubble left behind by scrolling would point at another row.
    const close = () => setOpen(false);
    window.addEventListener('scroll', close, { capture: true, once: true });
    return () => window.removeEventListener('scroll', close, { capture: true });
  }, [open, view.label, view.detail]);

  return (
    <>
      <span
        ref={badge}
        className={`badge ${view.tone}`}
        role="img"
        aria-label={view.label}
        aria-describedby={view.detail ? bubbleId : undefined}
        tabIndex={0}
        data-state={known.kind === 'status' ? known.status.state : known.kind}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      >
        <StatusIcon icon={view.icon} />
      </span>
      <span ref={bubble} className="bubble" id={bubbleId} role="tooltip" popover="manual">
        {view.label}
        {view.detail && <span className="detail">{view.detail}</span>}
      </span>
    </>
  );
}
