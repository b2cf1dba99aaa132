import { describe, expect, it, vi } from 'vitest';
import type { RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import { createChangeFeed } from './change-feed';

const changed = (key: string) => ({ key }) as unknown as RecordStatus;

describe('the change feed', () => {
  it('starts from now (one request: the cursor), then reads every page of changes, and stops when asked', async () => {
    const pages = [
      { changes: [changed('a'), changed('b')], cursor: '12', hasMore: true },
      { changes: [changed('c')], cursor: '13', hasMore: false },
      { changes: [], cursor: '13', hasMore: false },
    ];
    const changes = vi.fn(async (after: string) => (after === 'latest' ? { changes: [], cursor: '10', hasMore: false } : (pages.shift() ?? pages[0])));
    const published: string[] = [];
    const rounds: (() => void)[] = [];
    const feed = createChangeFeed({
      client: { changes: changes as never },
      publish: async (statuses) => void published.push(...statuses.map((s) => s.key)),
      onTokenRejected: () => undefined,
      later: (run) => void rounds.push(run),
    });
    feed.start();
    feed.start(); // already following: no second loop
    await vi.waitFor(() => expect(rounds).toHaveLength(1));
    expect(changes.mock.calls.map(([after]) => after)).toEqual(['latest']);
    rounds.shift()?.();
    await vi.waitFor(() => expect(rounds).toHaveLength(1));
    expect(changes.mock.calls.map(([after]) => after)).toEqual(['latest', '10', '12']);
    expect(published).toEqual(['a', 'b', 'c']);
    feed.stop();
    rounds.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('asks less often while the service fails, and carries on when it is back', async () => {
    let down = true;
    const changes = vi.fn(async () => {
      if (down) throw new Error('unreachable');
      return { changes: [], cursor: '5', hasMore: false };
    });
    const pauses: number[] = [];
    const rounds: (() => void)[] = [];
    const feed = createChangeFeed({
      client: { changes },
      publish: async () => undefined,
      onTokenRejected: () => undefined,
      intervalMs: 2_000,
      later: (run, ms) => void (rounds.push(run), pauses.push(ms)),
    });
    feed.start();
    for (let i = 0; i < 3; i++) {
      await vi.waitFor(() => expect(rounds.length).toBe(1));
      rounds.shift()?.();
    }
    down = false;
    await vi.waitFor(() => expect(rounds.length).toBe(1));
    rounds.shift()?.();
    await vi.waitFor(() => expect(pauses).toHaveLength(5));
    expect(pauses).toEqual([4_000, 8_000, 16_000, 32_000, 2_000]);
    feed.stop();
  });

  it('waits as long as a rate limit asks, and says once that a token it was taking is now refused', async () => {
    const answers: (() => never | { changes: []; cursor: string; hasMore: false })[] = [
      () => ({ changes: [], cursor: '5', hasMore: false }),
      () => {
        throw new BackgroundError('rate_limited', 'busy', 30);
      },
      () => ({ changes: [], cursor: '5', hasMore: false }),
      () => {
        throw new BackgroundError('token_rejected', 'revoked');
      },
      () => {
        throw new BackgroundError('token_rejected', 'revoked');
      },
    ];
    const changes = vi.fn(async () => (answers.shift() as () => never)());
    const pauses: number[] = [];
    const rounds: (() => void)[] = [];
    const onTokenRejected = vi.fn();
    const feed = createChangeFeed({ client: { changes }, publish: async () => undefined, onTokenRejected, intervalMs: 2_000, later: (run, ms) => void (rounds.push(run), pauses.push(ms)) });
    feed.start();
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(rounds.length).toBe(1));
      rounds.shift()?.();
    }
    await vi.waitFor(() => expect(pauses).toHaveLength(5));
    expect(pauses).toEqual([2_000, 30_000, 2_000, 4_000, 8_000]);
    expect(onTokenRejected).toHaveBeenCalledTimes(1);
    feed.stop();
  });
});
