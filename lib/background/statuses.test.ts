import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { openInspectorDatabase } from './database';
import { createFirstScreens } from './first-screens';
import { createStatusCache, FRESH_MS } from './status-cache';
import { createStatuses } from './statuses';

const bill = (n: number): RecordRef => ({ system: 'xero', recordType: 'bill', recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });
const statusOf = (ref: RecordRef, state = 'synced') => ({ key: recordKey(ref), ref, state }) as unknown as RecordStatus;

describe("the background's statuses", () => {
  it('answers fresh ones from memory, stale ones at once while asking again, and the rest from the service', async () => {
    let now = 1_000_000;
    const cache = createStatusCache(openInspectorDatabase('statuses-test'), () => now);
    await cache.write([statusOf(bill(1))]);
    now += FRESH_MS / 2;
    await cache.write([statusOf(bill(2))]);
    now += FRESH_MS / 2 + 1; // bill 1 is now stale, bill 2 still fresh
    const lookup = vi.fn(async (refs: RecordRef[]) => refs.map((ref) => statusOf(ref, 'not_synced')));
    const sent: RecordStatus[][] = [];
    const statuses = createStatuses({ lookup, cache, firstScreens: createFirstScreens(openInspectorDatabase('statuses-test'), () => undefined), sendToPages: (s) => sent.push(s), log: () => undefined });

    const answer = await statuses.get([bill(1), bill(2), bill(3)]);
    expect(answer.statuses.map((s) => s.state)).toEqual(['synced', 'synced', 'not_synced']);
    expect(answer.staleKeys).toEqual([recordKey(bill(1))]);
    // The stale one is asked again behind the page's back, and its answer sent to every page.
    await vi.waitFor(() => expect(sent.flat().map((s) => s.key)).toEqual([recordKey(bill(1))]));
    expect(lookup.mock.calls.flat(2).map((ref) => ref.recordId).sort()).toEqual([bill(1).recordId, bill(3).recordId]);
    expect((await cache.read([recordKey(bill(3))])).get(recordKey(bill(3)))?.status.state).toBe('not_synced');
  });

  it('gives a page loaded again the remembered statuses of what it showed first, asks again at once for the stale, and forgets them with the rest', async () => {
    let now = 1_000_000;
    const db = openInspectorDatabase('statuses-first-screen');
    const cache = createStatusCache(db, () => now);
    let slow = false;
    let answer: () => void = () => {};
    const lookup = vi.fn(async (refs: RecordRef[]) => {
      if (slow) await new Promise<void>((resolve) => (answer = resolve));
      return refs.map((ref) => statusOf(ref));
    });
    const sent: RecordStatus[][] = [];
    const statuses = createStatuses({ lookup, cache, firstScreens: createFirstScreens(db, () => undefined), sendToPages: (s) => sent.push(s), log: () => undefined });
    const page = 'https://go.xero.com/AccountsPayable/Search.aspx';
    expect(await statuses.firstScreenOf(page)).toEqual({ statuses: [], staleKeys: [] });

    await statuses.get([bill(1), bill(2)]);
    const procoreCost: RecordRef = { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '7' };
    await statuses.rememberFirstScreen(page, [bill(1), procoreCost, bill(2), bill(3)]); // bill 3 never looked up; a Procore record is not Xero's
    expect((await db.firstScreens.get(page))?.refs).toEqual([bill(1), bill(2), bill(3)]);
    now += FRESH_MS + 1;
    await cache.write([statusOf(bill(2), 'not_synced')]);
    lookup.mockClear();
    slow = true; // the revalidation takes a while
    const first = await statuses.firstScreenOf(page);
    expect(first.statuses.map((s) => [s.ref.recordId, s.state])).toEqual([
      [bill(1).recordId, 'synced'],
      [bill(2).recordId, 'not_synced'],
    ]);
    expect(first.staleKeys).toEqual([recordKey(bill(1))]);
    // The stale one is asked again already; the page asking for it meanwhile shares that look-up.
    await vi.waitFor(() => expect(lookup).toHaveBeenCalled());
    expect(lookup.mock.calls.map(([refs]) => refs.map((ref) => ref.recordId))).toEqual([[bill(1).recordId]]);
    const asked = statuses.get([bill(1)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lookup).toHaveBeenCalledTimes(1);
    answer();
    await asked;
    await vi.waitFor(() => expect(sent.flat().map((s) => s.key)).toEqual([recordKey(bill(1))]));

    await statuses.forget();
    expect(await statuses.firstScreenOf(page)).toEqual({ statuses: [], staleKeys: [] });
  });
});
