import { describe, expect, it, vi } from 'vitest';
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import { createStatusStore } from './status-store';

const cost = (n: number): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1000 + n) });
const statusOf = (ref: RecordRef) => ({ ref, key: recordKey(ref), state: 'synced' }) as unknown as RecordStatus;

function storeWithManualFrames(fetch = vi.fn(async (refs: RecordRef[]) => ({ statuses: refs.map(statusOf) })), onFirstScreen?: (refs: RecordRef[]) => void) {
  let frame: (() => void) | undefined;
  let time = 0;
  const retries: (() => void)[] = [];
  const store = createStatusStore(fetch, { schedule: (run) => (frame = run), retryLater: (run) => retries.push(run), now: () => time, onFirstScreen });
  const oneFrame = () => {
    const run = frame;
    frame = undefined;
    time += 16;
    run?.();
  };
  return {
    store,
    fetch,
    retries,
    oneFrame,
    /** Lets frames pass until the store has asked (or has nothing to ask). */
    nextFrame: async () => {
      for (let i = 0; i < 10 && frame; i++) oneFrame();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the status store', () => {
  it('asks once for all the rows that appeared in a frame, and each record once', async () => {
    const { store, fetch, nextFrame } = storeWithManualFrames();
    [1, 2, 3, 2, 1].forEach((n) => store.want(cost(n)));
    expect(store.get(recordKey(cost(1)))).toEqual({ kind: 'loading' });
    await nextFrame();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toHaveLength(3);
    expect(store.get(recordKey(cost(2)))).toMatchObject({ kind: 'status', status: { state: 'synced' } });
    store.want(cost(2));
    await nextFrame();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('waits while rows keep coming frame after frame, but not for long', async () => {
    const { store, fetch, oneFrame } = storeWithManualFrames();
    store.want(cost(1));
    oneFrame();
    store.want(cost(2));
    oneFrame();
    store.want(cost(3));
    oneFrame();
    expect(fetch).not.toHaveBeenCalled();
    oneFrame(); // a frame with no new rows
    expect(fetch.mock.calls.map((call) => call[0].length)).toEqual([3]);

    for (let n = 10; n < 20; n++) {
      store.want(cost(n));
      oneFrame();
    }
    // Rows that never stop coming are asked for at least every 50 ms.
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('asks at once when told every row near the screen is in, and says which calls asked', async () => {
    const { store, fetch } = storeWithManualFrames();
    expect([1, 2, 1].map((n) => store.want(cost(n)))).toEqual([true, true, false]);
    void store.askNow();
    expect(fetch.mock.calls.map((call) => call[0].length)).toEqual([2]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.want(cost(2))).toBe(false);
    void store.askNow(); // nothing wanted: nothing asked
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says when what it asked at once is answered, failed or not', async () => {
    let answer: (value: { statuses: RecordStatus[] }) => void = () => {};
    const fetch = vi.fn(() => new Promise<{ statuses: RecordStatus[] }>((resolve) => (answer = resolve)));
    const { store } = storeWithManualFrames(fetch);
    store.want(cost(1));
    let settled = false;
    void store.askNow().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    answer({ statuses: [statusOf(cost(1))] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(true);
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'status' });

    fetch.mockRejectedValueOnce(new BackgroundError('service_unreachable', 'down'));
    store.want(cost(2));
    await store.askNow();
    expect(store.get(recordKey(cost(2)))).toMatchObject({ kind: 'error', code: 'service_unreachable' });
  });

  it('holds the question while a long list is read, however many frames that takes', async () => {
    const { store, fetch, oneFrame, nextFrame } = storeWithManualFrames();
    const release = store.hold();
    for (let n = 0; n < 10; n++) {
      store.want(cost(n));
      oneFrame();
      oneFrame();
    }
    expect(fetch).not.toHaveBeenCalled();
    release();
    release(); // a second release changes nothing
    await nextFrame();
    expect(fetch.mock.calls.map((call) => call[0].length)).toEqual([10]);
  });

  it('says how many records the question it holds has, for a reading ahead to stop at one look-up', async () => {
    const { store, nextFrame } = storeWithManualFrames();
    const release = store.hold();
    [1, 2, 2, 3].forEach((n) => store.want(cost(n)));
    expect(store.waiting()).toBe(3);
    release();
    await nextFrame();
    expect(store.waiting()).toBe(0);
  });

  it('lets a hold go by itself after a moment: a page that never stops changing cannot starve the questions', async () => {
    const { store, fetch, retries, nextFrame } = storeWithManualFrames();
    store.hold(); // never released by its taker
    store.want(cost(1));
    await nextFrame();
    expect(fetch).not.toHaveBeenCalled();
    retries.forEach((run) => run()); // the hold's time is up
    await nextFrame();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps a hold taken until released however long it takes: reading ahead on a busy machine stays one look-up', async () => {
    const { store, fetch, retries, nextFrame } = storeWithManualFrames();
    const release = store.hold({ untilReleased: true });
    store.want(cost(1));
    retries.forEach((run) => run());
    await nextFrame();
    expect(fetch).not.toHaveBeenCalled();
    store.want(cost(2));
    release();
    await nextFrame();
    expect(fetch.mock.calls.map((call) => call[0].length)).toEqual([2]);
  });

  it('splits a screenful of 1,200 rows into messages of at most 500', async () => {
    const { store, fetch, nextFrame } = storeWithManualFrames();
    for (let n = 0; n < 1200; n++) store.want(cost(n));
    await nextFrame();
    expect(fetch.mock.calls.map((call) => call[0].length)).toEqual([500, 500, 200]);
  });

  it('shows what the background remembered of the first screen without asking, and asks again only for the stale', async () => {
    const { store, fetch } = storeWithManualFrames();
    store.startWith({ statuses: [1, 2].map((n) => statusOf(cost(n))), staleKeys: [recordKey(cost(2))] });
    const told = vi.fn();
    store.subscribe(recordKey(cost(1)), told);
    expect(store.get(recordKey(cost(1)))).toEqual({ kind: 'loading' }); // until its row wants it
    expect([1, 2, 3, 1].map((n) => store.want(cost(n)))).toEqual([true, true, true, false]); // each new to the page once
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'status', status: { state: 'synced' }, stale: false });
    expect(store.get(recordKey(cost(2)))).toMatchObject({ kind: 'status', stale: true });
    expect(told).toHaveBeenCalledOnce();
    await store.askNow();
    expect(fetch.mock.calls.map((call) => call[0].map((ref) => ref.recordId))).toEqual([['1002', '1003']]);
  });

  it('takes a remembered status as stale once the background restarted, asking for it when its row wants it', async () => {
    const { store, fetch } = storeWithManualFrames();
    store.startWith({ statuses: [statusOf(cost(1))], staleKeys: [] });
    store.refresh(); // the update port closed and opened again: changes may have been missed
    store.want(cost(1));
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'status', stale: true });
    await store.askNow();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('keeps a remembered status up to date until its row wants it, and forgets them all on a reset', () => {
    const { store } = storeWithManualFrames();
    store.startWith({ statuses: [statusOf(cost(1)), statusOf(cost(2))], staleKeys: [recordKey(cost(1))] });
    store.apply([{ ...statusOf(cost(1)), state: 'not_synced' }]);
    store.want(cost(1));
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'status', status: { state: 'not_synced' }, stale: false });
    store.reset();
    expect(store.want(cost(2))).toBe(true);
  });

  it('tells the records wanted before the first question went, once, unless they are those remembered', async () => {
    const told = vi.fn();
    const { store } = storeWithManualFrames(undefined, told);
    [1, 2].forEach((n) => store.want(cost(n)));
    await store.askNow();
    store.want(cost(3));
    await store.askNow();
    expect(told.mock.calls.map(([refs]) => refs.map((ref: RecordRef) => ref.recordId))).toEqual([['1001', '1002']]);

    const same = vi.fn();
    const again = storeWithManualFrames(undefined, same).store;
    again.startWith({ statuses: [1, 2].map((n) => statusOf(cost(n))), staleKeys: [] });
    [2, 1].forEach((n) => again.want(cost(n)));
    await again.askNow();
    expect(same).not.toHaveBeenCalled();

    // A reading that found no rows yet does not end the first screen: the rows that come later make it.
    const late = vi.fn();
    const empty = storeWithManualFrames(undefined, late).store;
    empty.hold()();
    await empty.askNow();
    empty.want(cost(7));
    await empty.askNow();
    expect(late.mock.calls.map(([refs]) => refs.map((ref: RecordRef) => ref.recordId))).toEqual([['1007']]);

    // A page that wants only statuses it started with, fresh (a record's own page): no question
    // goes, and its first screen is told at the next flush all the same, when it changed.
    const fewer = vi.fn();
    const recordPage = storeWithManualFrames(undefined, fewer);
    recordPage.store.startWith({ statuses: [statusOf(cost(8)), statusOf(cost(11))], staleKeys: [] });
    recordPage.store.want(cost(8));
    await recordPage.nextFrame();
    expect(recordPage.fetch).not.toHaveBeenCalled();
    expect(fewer.mock.calls.map(([refs]) => refs.map((ref: RecordRef) => ref.recordId))).toEqual([['1008']]);
    const unchanged = vi.fn();
    const samePage = storeWithManualFrames(undefined, unchanged);
    samePage.store.startWith({ statuses: [statusOf(cost(8))], staleKeys: [] });
    samePage.store.want(cost(8));
    await samePage.nextFrame();
    samePage.store.want(cost(10));
    await samePage.nextFrame();
    expect(unchanged).not.toHaveBeenCalled(); // the same as it started with; a later row is not in it

    // A grid's reading holds the question: all known, none goes, and the first screen is told at its release.
    const changed = vi.fn();
    const held = storeWithManualFrames(undefined, changed).store;
    held.startWith({ statuses: [1, 2].map((n) => statusOf(cost(n))), staleKeys: [] });
    const release = held.hold();
    held.want(cost(1));
    expect(changed).not.toHaveBeenCalled();
    release();
    expect(changed.mock.calls.map(([refs]) => refs.length)).toEqual([1]);
  });

  it('tells only the cells of the records that changed', async () => {
    const { store, nextFrame } = storeWithManualFrames();
    const one = vi.fn();
    const two = vi.fn();
    store.subscribe(recordKey(cost(1)), one);
    store.subscribe(recordKey(cost(2)), two);
    store.want(cost(1));
    await nextFrame();
    expect(one).toHaveBeenCalledTimes(1);
    expect(two).not.toHaveBeenCalled();
  });

  it('shows why the statuses could not be had, and asks again later', async () => {
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new BackgroundError('not_signed_in', 'Sign in to your sync-status service in the extension options.'))
      .mockImplementation(async (refs: RecordRef[]) => ({ statuses: refs.map(statusOf) }));
    const { store, nextFrame, retries } = storeWithManualFrames(fetch);
    store.want(cost(1));
    await nextFrame();
    expect(store.get(recordKey(cost(1)))).toEqual({
      kind: 'error',
      code: 'not_signed_in',
      message: 'Sign in to your sync-status service in the extension options.',
    });
    expect(retries).toHaveLength(1);
    retries[0]?.();
    await nextFrame();
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'status', status: { state: 'synced' } });
  });

  it('takes fresh statuses from the background for the records it shows, and asks them all again on request', async () => {
    const fetch = vi.fn(async (refs: RecordRef[]) => ({ statuses: refs.map(statusOf), staleKeys: [recordKey(cost(2))] }));
    const { store, nextFrame } = storeWithManualFrames(fetch);
    store.want(cost(1));
    store.want(cost(2));
    await nextFrame();
    expect(store.get(recordKey(cost(2)))).toMatchObject({ kind: 'status', stale: true });
    const failed = { ...statusOf(cost(1)), state: 'failed' } as RecordStatus;
    store.apply([failed, statusOf(cost(9))]);
    expect(store.get(recordKey(cost(1)))).toMatchObject({ status: { state: 'failed' } });
    expect(store.get(recordKey(cost(9)))).toEqual({ kind: 'loading' }); // not shown here: not kept
    store.showPending(recordKey(cost(1)));
    store.showProblem(recordKey(cost(1)), 'Locked by Dana.');
    expect(store.get(recordKey(cost(1)))).toMatchObject({ status: { state: 'pending' }, problem: 'Locked by Dana.' });
    store.refresh();
    await nextFrame();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]?.[0]).toHaveLength(2);
  });

  it('waits at least as long as a rate-limited service asked before asking again', async () => {
    const retryIn: number[] = [];
    const fetch = vi.fn().mockRejectedValue(new BackgroundError('rate_limited', 'The sync service is busy: trying again in 90 s.', 90));
    const store = createStatusStore(fetch, { schedule: (run) => run(), retryLater: (_run, ms) => retryIn.push(ms), now: () => 0 });
    store.want(cost(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(retryIn).toEqual([90_000]);
  });

  it('treats a record the answer left out as failed, not as loading forever', async () => {
    const { store, nextFrame } = storeWithManualFrames(vi.fn(async (refs: RecordRef[]) => ({ statuses: refs.slice(1).map(statusOf) })));
    store.want(cost(1));
    store.want(cost(2));
    await nextFrame();
    expect(store.get(recordKey(cost(1)))).toMatchObject({ kind: 'error', code: 'invalid_response' });
    expect(store.get(recordKey(cost(2)))).toMatchObject({ kind: 'status' });
  });
});
