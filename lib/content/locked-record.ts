// On a Procore record's own page (its detail or edit page), a record locked in the books says so
// in a banner at the top, and the page's edit, save and delete controls are disabled, so nobody
// changes it by accident. The service still enforces the lock; this is the courtesy in the page.
import type { RecordRef } from '../contract/records';
import { recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { logError } from '../log';
import type { StatusStore } from './status-store';

export const BANNER_MARKER = 'data-erp-sync-lock-banner';
export const DISABLED_MARKER = 'data-erp-sync-disabled';

/** Controls that change or remove the record, by what they say. */
const CHANGING = /^\s*(edit|delete|remove|save|update|submit|void)\b/i;

const bannerCss = `
:host { all: initial; display: block; }
.banner { display: flex; gap: 10px; align-items: flex-start; margin: 0; padding: 10px 16px; background: #fef3c7; color: #78350f;
  border-bottom: 1px solid #f59e0b; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.banner strong { font-weight: 600; }
svg { flex: none; width: 18px; height: 18px; margin-top: 1px; }
@media (prefers-color-scheme: dark) { .banner { background: #451a03; color: #fde68a; border-color: #b45309; } }
`;

function lockSentence(status: RecordStatus, time: (iso: string) => string): string {
  const { by, at, reason } = status.lock;
  return `Locked by ${by ?? 'someone'}${at ? ` on ${time(at)}` : ''}${reason ? `: ${reason}` : ''}.`;
}

/** The site's own chrome around the record (menus, search, the header): never the record's controls. */
const AROUND_THE_RECORD = `header, nav, [role="navigation"], [role="search"], [role="banner"], [${BANNER_MARKER}]`;

/**
 * The record's changing controls: its own edit, save and delete buttons and links; on an edit page,
 * every field of its forms. Looked for in the page's main content when it has one, and never in
 * the site's header, menus or search.
 */
export function changingControls(doc: Document, editPage: boolean): HTMLElement[] {
  const content = doc.querySelector('main, [role="main"]') ?? doc.body;
  const named = [...content.querySelectorAll<HTMLElement>('button, a[href], input[type="submit"], input[type="button"], [role="button"]')].filter((element) =>
    CHANGING.test(element.getAttribute('aria-label') || element.textContent?.trim() || (element as HTMLInputElement).value || ''),
  );
  const forms = editPage ? [...content.querySelectorAll('form')].filter((form) => !form.querySelector('input[type="search"]')) : [];
  const fields = forms.flatMap((form) => [...form.querySelectorAll<HTMLElement>('input, select, textarea')]);
  return [...new Set([...named, ...fields])].filter((element) => !element.closest(AROUND_THE_RECORD));
}

export function guardLockedRecord(doc: Document, ref: RecordRef, store: StatusStore, editPage: boolean): () => void {
  const key = recordKey(ref);
  let banner: HTMLElement | null = null;
  /** What we disabled, and how it was before us. */
  const disabled = new Map<HTMLElement, { disabled: boolean; opacity: string; cursor: string }>();
  let scheduled = 0;

  /** A click on a disabled control, or the submission of a form holding one, goes no further. */
  const block = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const blocked = event.type === 'submit' ? target?.querySelector(`[${DISABLED_MARKER}]`) : target?.closest(`[${DISABLED_MARKER}]`);
    if (!blocked) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  function disable() {
    for (const control of changingControls(doc, editPage)) {
      if (disabled.has(control)) continue;
      disabled.set(control, {
        disabled: 'disabled' in control && Boolean((control as HTMLButtonElement).disabled),
        opacity: control.style.opacity,
        cursor: control.style.cursor,
      });
      // Visibly unavailable, whatever the host's own styles for disabled controls.
      control.style.opacity = '0.45';
      control.style.cursor = 'not-allowed';
      control.setAttribute(DISABLED_MARKER, '');
      control.setAttribute('aria-disabled', 'true');
      control.title = 'Locked in the books: unlock it from its row in the list to change it';
      if ('disabled' in control) (control as HTMLButtonElement).disabled = true;
    }
  }

  function enable() {
    for (const [control, before] of disabled) {
      control.removeAttribute(DISABLED_MARKER);
      control.removeAttribute('aria-disabled');
      control.removeAttribute('title');
      control.style.opacity = before.opacity;
      control.style.cursor = before.cursor;
      if ('disabled' in control) (control as HTMLButtonElement).disabled = before.disabled;
    }
    disabled.clear();
  }

  function showBanner(status: RecordStatus) {
    if (!banner) {
      banner = doc.createElement('div');
      banner.setAttribute(BANNER_MARKER, '');
      const shadow = banner.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = bannerCss;
      const box = doc.createElement('p');
      box.className = 'banner';
      box.setAttribute('role', 'status');
      shadow.append(style, box);
      doc.body.prepend(banner);
    }
    const box = banner.shadowRoot?.querySelector('.banner');
    if (!box) return;
    const sentence = lockSentence(status, (iso) => new Date(iso).toLocaleString());
    const said = `${sentence} Editing and deleting are disabled here; unlock it from its row in the list to change it.`;
    // Rewritten only when it changes: a status role is read out again on every change.
    if (box.getAttribute('data-said') === said) return;
    box.setAttribute('data-said', said);
    box.innerHTML =
      '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" aria-hidden="true"><path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3"/></svg><span><strong></strong> <span></span></span>';
    (box.querySelector('strong') as HTMLElement).textContent = 'This record is locked in the books.';
    (box.querySelector('span > span') as HTMLElement).textContent = said;
  }

  function apply() {
    scheduled = 0;
    try {
      const known = store.get(key);
      const locked = known.kind === 'status' && known.status.lock.locked;
      if (locked) {
        showBanner(known.status);
        disable();
      } else {
        banner?.remove();
        banner = null;
        enable();
      }
    } catch (error) {
      logError('locked-record', error, { record: key, url: doc.location?.href });
    }
  }

  // The page renders its controls when it likes: they are looked for again as it changes.
  const observer = new MutationObserver((records) => {
    if (scheduled || records.every((record) => banner?.contains(record.target) || record.target === banner)) return;
    if (disabled.size > 0 || banner) scheduled = requestAnimationFrame(apply);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  doc.addEventListener('click', block, true);
  doc.addEventListener('submit', block, true);
  const unsubscribe = store.subscribe(key, apply);
  store.want(ref);
  apply();

  return () => {
    cancelAnimationFrame(scheduled);
    observer.disconnect();
    unsubscribe();
    doc.removeEventListener('click', block, true);
    doc.removeEventListener('submit', block, true);
    banner?.remove();
    enable();
  };
}
