import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextFrame, nextSlice, whenParsed, whenSettledOrAfter } from './scheduling';

const aTaskLater = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('where our row work runs', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("goes on with a slice in a task of its own through the browser's task scheduler, not in this one", async () => {
    const postTask = vi.fn((run: () => void, _options: { priority: string }) => Promise.resolve().then(run));
    vi.stubGlobal('scheduler', { postTask });
    const run = vi.fn();
    nextSlice(run);
    expect(run).not.toHaveBeenCalled();
    await aTaskLater();
    expect(run).toHaveBeenCalledOnce();
    expect(postTask.mock.calls[0]?.[1]).toMatchObject({ priority: 'user-visible' });
  });

  it('cancels a slice that has not run, without an error', async () => {
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    vi.stubGlobal('scheduler', {
      postTask: (run: () => void, { signal }: { signal: AbortSignal }) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => resolve(run()), 0);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('The task was cancelled', 'AbortError'));
          });
        }),
    });
    const run = vi.fn();
    nextSlice(run)();
    await aTaskLater();
    await aTaskLater();
    expect(run).not.toHaveBeenCalled();
    expect(reported).not.toHaveBeenCalled();
  });

  it('without a task scheduler (older Firefox), goes on through a message to itself, and can be cancelled', async () => {
    vi.stubGlobal('scheduler', undefined);
    const run = vi.fn();
    const cancelled = vi.fn();
    nextSlice(run);
    nextSlice(cancelled)();
    expect(run).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(run).toHaveBeenCalledOnce());
    await aTaskLater();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it("waits for the host's next frame, or 20 ms when the loading page has none, and runs once", () => {
    vi.useFakeTimers();
    const frames: (FrameRequestCallback | undefined)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = undefined));
    const byFrame = vi.fn();
    nextFrame(byFrame);
    frames[0]?.(0);
    vi.advanceTimersByTime(20);
    expect(byFrame).toHaveBeenCalledOnce();

    const noFrame = vi.fn();
    nextFrame(noFrame);
    vi.advanceTimersByTime(19);
    expect(noFrame).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(noFrame).toHaveBeenCalledOnce();
    expect(frames[1]).toBeUndefined(); // its frame request was withdrawn

    const cancelled = vi.fn();
    nextFrame(cancelled)();
    frames[2]?.(0);
    vi.advanceTimersByTime(20);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('runs once an answer settles or its wait is over, whichever comes first, and can be cancelled', async () => {
    vi.useFakeTimers();
    const answered = vi.fn();
    whenSettledOrAfter(Promise.resolve(), 50, answered);
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(50);
    expect(answered).toHaveBeenCalledOnce();

    const slow = vi.fn();
    let settle: () => void = () => {};
    whenSettledOrAfter(new Promise<void>((resolve) => (settle = resolve)), 50, slow);
    await vi.advanceTimersByTimeAsync(49);
    expect(slow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(slow).toHaveBeenCalledOnce();

    const cancelled = vi.fn();
    whenSettledOrAfter(Promise.resolve(), 50, cancelled)();
    await vi.advanceTimersByTimeAsync(50);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('waits for a loading document to be parsed, and not for one that is', async () => {
    const state: { readyState: DocumentReadyState } = { readyState: 'loading' };
    const doc = Object.assign(new EventTarget(), state);
    let parsed = false;
    void whenParsed(doc as unknown as Document).then(() => (parsed = true));
    doc.dispatchEvent(new Event('readystatechange'));
    await aTaskLater();
    expect(parsed).toBe(false);
    doc.readyState = 'interactive';
    doc.dispatchEvent(new Event('readystatechange'));
    await aTaskLater();
    expect(parsed).toBe(true);
    await expect(whenParsed(doc as unknown as Document)).resolves.toBeUndefined();
  });
});
