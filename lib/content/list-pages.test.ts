// @vitest-environment-options { "url": "https://go.xero.com/" }
// (The document lives on go.xero.com, so history can move between the list's addresses.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followListPages } from './list-pages';
import { mountSyncColumn } from './sync-column';

vi.mock('./sync-column', () => ({ mountSyncColumn: vi.fn() }));
vi.mock('./background-updates', () => ({ followBackgroundUpdates: vi.fn() }));
vi.mock('./page-report', () => ({ answerThePopup: vi.fn() }));
vi.mock('../messaging/client', () => ({ callBackground: vi.fn(async () => ({ signedIn: true, version: '0.1.0', decorates: true, hiddenLists: [] })) }));

const bills = (tab: string) => `https://go.xero.com/app/!kh5BZ/bills/list/${tab}`;
const unmount = vi.fn();
/** The content script's lifetime: each test's ends with it. */
let ended = new AbortController();

/** Starts following from an address, once the background has said the extension is signed in. */
async function followFrom(url: string) {
  history.replaceState({}, '', url);
  const { signal } = ended;
  followListPages(document, 'xero', {
    get isValid() {
      return !signal.aborted;
    },
    addEventListener: (target, type, listener) => target.addEventListener(type, listener, { signal }),
    onInvalidated: (callback) => signal.addEventListener('abort', callback),
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** What WXT does on pushState: it reports the navigation before the address changes. */
async function pushState(url: string) {
  window.dispatchEvent(new Event('wxt:locationchange'));
  history.pushState({}, '', url);
  await new Promise((resolve) => setTimeout(resolve, 0)); // the page's task is over
}

describe('followListPages', () => {
  beforeEach(() => {
    vi.mocked(mountSyncColumn).mockReset().mockReturnValue({ unmount, records: () => [] });
    unmount.mockReset();
  });
  afterEach(() => {
    ended.abort();
    ended = new AbortController();
  });

  it('reads the address after a pushState, not when WXT reports it', async () => {
    await followFrom(bills('repeating'));
    expect(mountSyncColumn).not.toHaveBeenCalled();

    await pushState(bills('paid'));
    expect(mountSyncColumn).toHaveBeenCalledTimes(1);
    expect(vi.mocked(mountSyncColumn).mock.calls[0]?.[1]).toMatchObject({ kind: 'xero_bills', scope: { shortCode: '!kh5BZ' } });

    await pushState(bills('repeating'));
    expect(unmount).toHaveBeenCalledTimes(1);
  });

  it('keeps one column across tabs of the same list', async () => {
    await followFrom(bills('all'));
    await pushState(bills('draft'));
    await pushState(bills('paid'));
    expect(mountSyncColumn).toHaveBeenCalledTimes(1);
    expect(unmount).not.toHaveBeenCalled();
  });
});
