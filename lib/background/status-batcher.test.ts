import { describe, expect, it, vi } from 'vitest';
import { type RecordRef, recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { createStatusBatcher } from './status-batcher';

const cost = (n: number): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1000 + n) });
const statusOf = (ref: RecordRef) => ({ key: recordKey(ref), state: 'synced' }) as unknown as RecordStatus;

function batcherWithLookup() {
  const lookup = vi.fn(async (refs: RecordRef[]) => refs.map(statusOf));
  return { lookup, batcher: createStatusBatcher(lookup, { windowMs: 5 }) };
}

describe('the status batcher', () => {
  it('answers rows asked for together with one look-up, each record once', async () => {
    const { lookup, batcher } = batcherWithLookup();
    const [tabA, tabB] = await Promise.all([
      batcher.statuses([cost(1), cost(2), cost(3)]),
      batcher.statuses([cost(3), cost(2), cost(4)]),
    ]);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[0].map(recordKey)).toEqual([cost(1), cost(2), cost(3), cost(4)].map(recordKey));
    expect(tabA.map((s) => s.key)).toEqual([cost(1), cost(2), cost(3)].map(recordKey));
    expect(tabB.map((s) => s.key)).toEqual([cost(3), cost(2), cost(4)].map(recordKey));
  });

  it('by default asks in the next task: what arrived in this one joins the look-up, and nothing waits for more', async () => {
    vi.useFakeTimers();
    try {
      const lookup = vi.fn(async (refs: RecordRef[]) => refs.map(statusOf));
      const batcher = createStatusBatcher(lookup);
      const both = Promise.all([batcher.statuses([cost(1)]), batcher.statuses([cost(2)])]);
      expect(lookup).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(0);
      expect(lookup.mock.calls.map((call) => call[0].map(recordKey))).toEqual([[cost(1), cost(2)].map(recordKey)]);
      await both;
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks at most 500 records per request: 1,200 rows take three', async () => {
    const { lookup, batcher } = batcherWithLookup();
    const answer = await batcher.statuses(Array.from({ length: 1200 }, (_, i) => cost(i)));
    expect(answer).toHaveLength(1200);
    expect(lookup.mock.calls.map((call) => call[0].length)).toEqual([500, 500, 200]);
  });

  it('lets a record asked for again while its look-up runs share that look-up', async () => {
    let release: () => void = () => {};
    const lookup = vi.fn((refs: RecordRef[]) => new Promise<RecordStatus[]>((resolve) => (release = () => resolve(refs.map(statusOf)))));
    const batcher = createStatusBatcher(lookup, { windowMs: 1 });
    const first = batcher.statuses([cost(1)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = batcher.statuses([cost(1)]);
    release();
    await Promise.all([first, second]);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('refuses answers that name other records than were asked', async () => {
    const batcher = createStatusBatcher(async (refs) => [...refs].reverse().map(statusOf), { windowMs: 1 });
    await expect(batcher.statuses([cost(1), cost(2)])).rejects.toThrow(/out of order/);
  });

  it('passes a failed look-up to every caller waiting on it, and asks again next time', async () => {
    const lookup = vi.fn().mockRejectedValueOnce(new Error('unreachable')).mockImplementation(async (refs: RecordRef[]) => refs.map(statusOf));
    const batcher = createStatusBatcher(lookup, { windowMs: 1 });
    const results = await Promise.allSettled([batcher.statuses([cost(1)]), batcher.statuses([cost(1), cost(2)])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(batcher.statuses([cost(1)])).resolves.toHaveLength(1);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
