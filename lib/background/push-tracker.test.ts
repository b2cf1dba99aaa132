import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { type RecordRef, recordKey } from '../contract/records';
import type { Job, RecordStatus } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import { openInspectorDatabase } from './database';
import { createPushTracker } from './push-tracker';

const cost: RecordRef = { system: 'procore', recordType: 'direct_cost', projectId: '598134325548164', recordId: '598134332797815' };
const jobOf = (state: Job['state'], error: Job['error'] = null): Job =>
  ({ id: '0b0e7a52-8f0c-4a43-9d1e-6a8f5d2c1b3a', ref: cost, state, error }) as unknown as Job;
const statusOf = (state: string) => ({ key: recordKey(cost), ref: cost, state }) as unknown as RecordStatus;

let databases = 0;
function setUp(jobStates: Job['state'][]) {
  const db = openInspectorDatabase(`test-${databases++}`);
  const client = {
    push: vi.fn(async () => [jobOf('queued')]),
    job: vi.fn(async () => jobOf(jobStates.shift() ?? 'succeeded')),
    lookup: vi.fn(async () => [statusOf(jobStates.length === 0 ? 'synced' : 'pending')]),
  };
  const published: RecordStatus[][] = [];
  const awake: boolean[] = [];
  const timers: (() => void)[] = [];
  /** How long each round was put off. */
  const pauses: number[] = [];
  const clock = { now: 1_000_000 };
  const options = {
    client,
    db,
    publish: async (statuses: RecordStatus[]) => void published.push(statuses),
    keepAwake: (on: boolean) => void awake.push(on),
    log: () => undefined,
    now: () => clock.now,
    later: (run: () => void, ms: number) => void (timers.push(run), pauses.push(ms)),
  };
  return { db, client, published, awake, timers, pauses, clock, tracker: createPushTracker(options), options };
}

describe('the push tracker', () => {
  it('writes a push down, follows it to its end, and tells every page', async () => {
    const { db, client, published, awake, timers, tracker } = setUp(['running', 'succeeded']);
    await tracker.push(cost, 'push:procore:direct_cost:1:0');
    expect(client.push).toHaveBeenCalledWith([{ ref: cost, idempotencyKey: 'push:procore:direct_cost:1:0' }]);
    expect(await db.pushes.count()).toBe(1);
    expect(published.at(-1)?.[0]?.state).toBe('pending');
    expect(awake.at(-1)).toBe(true);

    expect(timers).toHaveLength(1); // the next round is scheduled
    await tracker.resume();
    expect((await db.pushes.toArray())[0]?.state).toBe('running');
    await tracker.resume();
    expect((await db.pushes.toArray())[0]).toMatchObject({ state: 'succeeded', finishedAt: expect.any(Number) });
    expect(published.at(-1)?.[0]?.state).toBe('synced');
    expect(awake.at(-1)).toBe(false);
    expect((await db.audit.toArray()).map((entry) => entry.outcome)).toEqual(['queued', 'succeeded']);
  });

  it('finishes a push begun by a worker that was stopped: the next one picks it up from the database', async () => {
    const first = setUp([]);
    await first.tracker.push(cost, 'push:procore:direct_cost:1:0');
    // A new worker: same database, nothing in memory.
    const second = createPushTracker({ ...first.options, publish: async (statuses) => void first.published.push(statuses) });
    await second.resume();
    expect((await first.db.pushes.toArray())[0]?.state).toBe('succeeded');
    expect(first.published.at(-1)?.[0]?.state).toBe('synced');
  });

  it('keeps following a queued push when the status after it cannot be had, no sooner than a rate limit asks', async () => {
    const { db, client, awake, timers, pauses, clock, tracker } = setUp(['succeeded']);
    client.lookup.mockRejectedValueOnce(new BackgroundError('rate_limited', 'busy', 5));
    await expect(tracker.push(cost, 'push:procore:direct_cost:1:0')).resolves.toMatchObject({ state: 'queued' });
    expect(awake.at(-1)).toBe(true);
    expect(timers).toHaveLength(1);
    // The round due before the rate limit was heard asks nothing, and waits for it.
    timers.shift()?.();
    await tracker.resume();
    expect(client.job).not.toHaveBeenCalled();
    expect(pauses).toEqual([1_000, 5_000]);
    clock.now += 5_000;
    timers.shift()?.();
    await tracker.resume();
    expect((await db.pushes.toArray())[0]?.state).toBe('succeeded');
  });

  it('keeps a push the service could not take, says so, and sends it once it answers: audited once, its pages told', async () => {
    const { db, client, published, pauses, clock, tracker } = setUp([]);
    client.push.mockRejectedValueOnce(new BackgroundError('rate_limited', 'The sync service is busy: trying again in 3 s.', 3));
    client.push.mockRejectedValueOnce(new BackgroundError('service_unreachable', 'down'));
    const refused = tracker.push(cost, 'push:procore:direct_cost:1:7');
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3 });
    await expect(refused).rejects.toThrow('busy: trying again in 3 s. The re-sync is kept and will be sent once the service answers.');
    expect(pauses.at(-1)).toBe(3_000);
    clock.now += 3_000;
    await tracker.resume(); // still away: kept, and not written down again
    expect(await db.requests.count()).toBe(1);
    await tracker.resume(); // back
    expect(await db.requests.count()).toBe(0);
    expect(client.push).toHaveBeenCalledTimes(3);
    expect(published.at(-1)?.[0]?.state).toBe('synced');
    expect((await db.audit.toArray()).map((entry) => entry.outcome)).toEqual(['rate_limited', 'queued', 'succeeded']);
  });

  it('writes down the end of a push whose answer was lost and whose job ended before it was sent again', async () => {
    const { db, client, tracker } = setUp([]);
    client.push.mockRejectedValueOnce(new BackgroundError('timeout', 'The sync service did not answer within 10 s.'));
    client.push.mockResolvedValueOnce([jobOf('succeeded')]);
    await expect(tracker.push(cost, 'push:procore:direct_cost:1:7')).rejects.toMatchObject({ code: 'timeout' });
    await tracker.resume();
    expect(await db.pushes.toArray()).toMatchObject([{ state: 'succeeded', finishedAt: expect.any(Number) }]);
    expect((await db.audit.toArray()).map((entry) => entry.outcome)).toEqual(['timeout', 'queued', 'succeeded']);
    expect(client.job).not.toHaveBeenCalled();
  });

  it('sends again, under the same key, a push whose answer a stopped worker never heard', async () => {
    const first = setUp([]);
    first.client.push.mockRejectedValueOnce(new BackgroundError('service_unreachable', 'down'));
    await expect(first.tracker.push(cost, 'push:procore:direct_cost:1:7')).rejects.toThrow('down');
    expect(await first.db.requests.count()).toBe(1);
    // A new worker: the request is sent again with its key, then followed to its end.
    const second = createPushTracker(first.options);
    await second.resume();
    expect(first.client.push).toHaveBeenLastCalledWith([{ ref: cost, idempotencyKey: 'push:procore:direct_cost:1:7' }]);
    expect(await first.db.requests.count()).toBe(0);
    await second.resume();
    expect((await first.db.pushes.toArray())[0]?.state).toBe('succeeded');
  });

  it('a round asked for while another runs is not lost: a push made meanwhile is followed', async () => {
    const { db, client, awake, tracker } = setUp(['running', 'running', 'running']);
    await tracker.push(cost, 'push:procore:direct_cost:1:0');
    let release = () => undefined as void;
    client.job.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(jobOf('running')))));
    const slow = tracker.resume();
    const other = { ...cost, recordId: '598134332797816' } as RecordRef;
    client.push.mockResolvedValueOnce([{ ...jobOf('queued'), id: '1c1e7a52-8f0c-4a43-9d1e-6a8f5d2c1b3b', ref: other }]);
    await tracker.push(other, 'push:procore:direct_cost:1:1');
    void tracker.resume(); // the timer's round, during the slow one
    release();
    await slow;
    await vi.waitFor(async () => expect(await db.pushes.count()).toBe(2));
    expect(awake.at(-1)).toBe(true);
  });

  it('records a push once however often the same key is sent', async () => {
    const { db, client, tracker } = setUp(['running']);
    await tracker.push(cost, 'push:procore:direct_cost:1:0');
    await tracker.push(cost, 'push:procore:direct_cost:1:0');
    expect(client.push).toHaveBeenCalledTimes(2); // the service answers the same job both times
    expect(await db.pushes.count()).toBe(1);
    expect((await db.audit.toArray()).map((entry) => entry.outcome)).toEqual(['queued']);
  });

  it('keeps following through an unreachable service, and audits a refused push', async () => {
    const { db, client, tracker, awake } = setUp([]);
    await tracker.push(cost, 'push:procore:direct_cost:1:0');
    client.job.mockRejectedValueOnce(new BackgroundError('service_unreachable', 'down'));
    await tracker.resume();
    expect((await db.pushes.toArray())[0]?.state).toBe('queued');
    expect(awake.at(-1)).toBe(true);

    client.push.mockRejectedValueOnce(new BackgroundError('record_locked', 'Locked by Dana.'));
    await expect(tracker.push(cost, 'push:procore:direct_cost:1:1')).rejects.toThrow('Locked by Dana.');
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'push', outcome: 'record_locked', message: 'Locked by Dana.' });
  });
});
