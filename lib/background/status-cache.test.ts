import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordKey } from '../contract/records';
import type { RecordStatus } from '../contract/status';
import { openInspectorDatabase } from './database';
import { createStatusCache, FORGET_MS, FRESH_MS, freshness, REMEMBERED_IN_MEMORY } from './status-cache';

const status = (n: number) => {
  const ref = { system: 'xero', recordType: 'bill', recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` } as const;
  return { key: recordKey(ref), ref, state: 'synced' } as unknown as RecordStatus;
};

describe('the status cache', () => {
  it('trusts a status for 30 seconds, shows it as stale for a day, then forgets it', () => {
    expect(freshness(0, FRESH_MS - 1)).toBe('fresh');
    expect(freshness(0, FRESH_MS)).toBe('stale');
    expect(freshness(0, FORGET_MS - 1)).toBe('stale');
    expect(freshness(0, FORGET_MS)).toBe('forgotten');
  });

  it('answers what it may show, marks the stale, and prunes the forgotten', async () => {
    let now = 1_000_000;
    const db = openInspectorDatabase('cache-test');
    const cache = createStatusCache(db, () => now);
    await cache.write([status(1)]);
    now += FRESH_MS;
    await cache.write([status(2)]);
    now += FORGET_MS - FRESH_MS;
    await cache.write([status(3)]);
    const read = await cache.read([status(1), status(2), status(3), status(4)].map((s) => s.key));
    expect([...read.entries()].map(([key, { stale }]) => [key, stale])).toEqual([
      [status(2).key, true],
      [status(3).key, false],
    ]);
    await cache.prune();
    expect(await db.statuses.count()).toBe(2);
  });

  it('never takes as fresh what was cached before this worker started', async () => {
    const db = openInspectorDatabase('cache-test-restart');
    await createStatusCache(db, () => 1_000).write([status(1)]);
    const restarted = createStatusCache(db, () => 2_000, 1_500);
    expect((await restarted.read([status(1).key])).get(status(1).key)?.stale).toBe(true);
  });

  it('answers the statuses it wrote last from memory, the older from the database, and clears both', async () => {
    const db = openInspectorDatabase('cache-test-memory');
    const cache = createStatusCache(db, () => 1_000);
    const written = Array.from({ length: REMEMBERED_IN_MEMORY + 1 }, (_, i) => status(i));
    await cache.write(written);
    // Gone from the database behind the cache's back: what it remembers is still answered.
    await db.statuses.bulkDelete([status(0).key, status(1).key]);
    const read = await cache.read([status(0).key, status(1).key, status(REMEMBERED_IN_MEMORY).key]);
    // The oldest no longer fits in memory; the newer ones do.
    expect([...read.keys()].sort()).toEqual([status(1).key, status(REMEMBERED_IN_MEMORY).key].sort());
    await cache.clear();
    expect((await cache.read([status(1).key])).size).toBe(0);
  });
});
