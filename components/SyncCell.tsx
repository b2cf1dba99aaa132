// The "ERP Synced" cell of one row: the record's state as an icon with an accessible name, the
// details on hover and keyboard focus (a click opens its history in the side panel), and the
// actions that make sense for it (re-sync, lock or unlock, open the counterpart), each a real
// button or link with its own name.
import { useCallback, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isLockable, type RecordRef } from '@/lib/contract/records';
import { cellActions, cellFacts, cellView } from '@/lib/content/cell-state';
import type { RecordActions } from '@/lib/content/record-actions';
import type { StatusStore } from '@/lib/content/status-store';
import { StatusIcon } from './StatusIcon';

/**
 * Whether a click came from a person: only then does a control act. Our cells' shadow roots are
 * open, so the host page's scripts can reach our buttons and call click() on them; such a click is
 * not trusted, and must never push, lock or unlock a record (or open a tab). A mouse, a key and
 * assistive technology give trusted clicks.
 */
const fromPerson = (event: { isTrusted: boolean }) => event.isTrusted;

/** Room kept between the badge, the bubble and the window's edges. */
const GAP = 6;

interface Props {
  recordKey: string;
  record: RecordRef;
  store: StatusStore;
  actions: RecordActions;
}

/**
 * Shows a popover of ours in the top layer beside an anchor (host tables and grids clip their
 * cells): above it, right-aligned, or below when there is no room above. Closes on scroll, so it
 * never points at another row.
 */
function usePopover(open: boolean, anchor: React.RefObject<HTMLElement | null>, close: () => void, deps: unknown[]) {
  const popover = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = popover.current;
    if (!element) return;
    if (!open) {
      if (element.matches(':popover-open')) element.hidePopover();
      return;
    }
    // The host may have removed the row (or the control) while it was open: nothing to show then.
    const box = anchor.current?.getBoundingClientRect();
    if (!box || !element.isConnected) return;
    if (!element.matches(':popover-open')) element.showPopover();
    // A dialog takes the focus to its first field once it is shown.
    element.querySelector<HTMLElement>('input, button')?.focus();
    const { width, height } = element.getBoundingClientRect();
    const above = box.top - GAP - height;
    element.style.top = `${above >= GAP ? above : box.bottom + GAP}px`;
    element.style.left = `${Math.max(GAP, Math.min(box.right - width, window.innerWidth - width - GAP))}px`;
    window.addEventListener('scroll', close, { capture: true, once: true });
    return () => window.removeEventListener('scroll', close, { capture: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- placed again whenever its content changes
  }, [open, ...deps]);
  return popover;
}

export function SyncCell({ recordKey, record, store, actions }: Props) {
  const subscribe = useCallback((listener: () => void) => store.subscribe(recordKey, listener), [store, recordKey]);
  const known = useSyncExternalStore(subscribe, () => store.get(recordKey));
  const view = cellView(known);
  const offered = cellActions(known);
  const facts = cellFacts(known);
  const bubbleId = useId();
  const reasonId = useId();
  const badge = useRef<HTMLButtonElement>(null);
  const lockButton = useRef<HTMLButtonElement>(null);
  const [showDetails, setShowDetails] = useState(false);
  const [confirmingUnlock, setConfirmingUnlock] = useState(false);
  const [working, setWorking] = useState(false);
  const [reason, setReason] = useState('');
  const bubble = usePopover(showDetails, badge, () => setShowDetails(false), [view.label, view.detail, facts.join('\n')]);
  /** Closes the unlock dialog, the focus going back to the control that opened it (or the badge). */
  const closeConfirm = () => {
    setConfirmingUnlock(false);
    (lockButton.current ?? badge.current)?.focus();
  };
  const confirm = usePopover(confirmingUnlock, lockButton, closeConfirm, []);

  const run = (action: () => Promise<unknown>, pressed?: HTMLElement) => {
    setWorking(true);
    // The key-pressed button may go away (re-sync is not offered while pending): the badge keeps the focus.
    if (pressed?.matches(':focus-visible')) badge.current?.focus();
    void action().finally(() => setWorking(false));
  };
  const unlock = () => {
    closeConfirm();
    run(() => actions.unlock(record, reason.trim()));
    setReason('');
  };

  return (
    <>
      <span className={`cell${isLockable(record) ? ' lockable' : ''}`}>
        <button
          ref={badge}
          type="button"
          className={`badge ${view.tone}${known.kind === 'status' && known.stale ? ' stale' : ''}`}
          aria-label={view.label}
          aria-describedby={bubbleId}
          data-state={known.kind === 'status' ? known.status.state : known.kind}
          onClick={(event) => fromPerson(event) && void actions.showInPanel(record)}
          onMouseEnter={() => setShowDetails(true)}
          onMouseLeave={() => setShowDetails(false)}
          onFocus={() => setShowDetails(true)}
          onBlur={() => setShowDetails(false)}
          onKeyDown={(event) => event.key === 'Escape' && setShowDetails(false)}
        >
          <StatusIcon icon={view.icon} />
          {known.kind === 'status' && known.problem && <span className="problem" aria-hidden="true" />}
        </button>
        {offered.push && (
          <button type="button" className="action push" aria-label={offered.push.label} title={offered.push.label} disabled={working} onClick={(event) => fromPerson(event) && run(() => actions.push(record), event.currentTarget)}>
            <StatusIcon icon="resync" />
          </button>
        )}
        {offered.lock && (
          <button
            ref={lockButton}
            type="button"
            className="action lock"
            aria-label={offered.lock.label}
            title={offered.lock.label}
            aria-pressed={offered.lock.kind === 'unlock'}
            disabled={working}
            onClick={(event) => fromPerson(event) && (offered.lock?.kind === 'lock' ? run(() => actions.lock(record)) : setConfirmingUnlock(true))}
          >
            <StatusIcon icon={offered.lock.kind === 'unlock' ? 'lock' : 'unlock'} />
          </button>
        )}
        {offered.view && (
          <a className="action view" href={offered.view.url} target="_blank" rel="noopener noreferrer" aria-label={offered.view.label} title={offered.view.label}>
            <StatusIcon icon="open" />
          </a>
        )}
      </span>
      <span ref={bubble} className="bubble" id={bubbleId} role="tooltip" popover="manual">
        {view.label}
        {view.detail && <span className="detail">{view.detail}</span>}
        {facts.map((fact) => (
          <span className="detail" key={fact}>
            {fact}
          </span>
        ))}
        <span className="detail more">Click for its history in the side panel.</span>
      </span>
      {/* Made only while asked: a 5,000-row list would otherwise carry 5,000 hidden forms. */}
      {confirmingUnlock && (
        <form
          ref={confirm as React.RefObject<HTMLFormElement>}
          className="confirm"
          popover="manual"
          aria-label="Unlock this record"
          // The Unlock button's click unlocks (Enter in the reason clicks it too); a submission
          // alone may come from the page's script (requestSubmit), and does nothing.
          onSubmit={(event) => event.preventDefault()}
          onKeyDown={(event) => event.key === 'Escape' && closeConfirm()}
        >
          <p>Unlock it? Edits in Procore will be allowed again.</p>
          <label htmlFor={reasonId}>Reason (optional)</label>
          <input id={reasonId} name="reason" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          <span className="buttons">
            <button type="button" onClick={closeConfirm}>
              Cancel
            </button>
            <button type="submit" className="primary" onClick={(event) => fromPerson(event) && unlock()}>
              Unlock
            </button>
          </span>
        </form>
      )}
    </>
  );
}
