import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { inMemory } from './settings-in-memory';

describe('a setting kept in the worker memory', () => {
  it('is read from storage once, then follows every change made elsewhere', async () => {
    fakeBrowser.reset();
    const item = storage.defineItem<string[]>('local:listsOff', { fallback: [] });
    await item.setValue(['account_transactions']);
    const read = vi.spyOn(item, 'getValue');
    const listsOff = inMemory(item);
    expect(await listsOff.get()).toEqual(['account_transactions']);
    expect(await listsOff.get()).toEqual(['account_transactions']);
    expect(read).toHaveBeenCalledTimes(1);

    // Written by the worker: the next read has it at once, and storage has it.
    await listsOff.set(['bills']);
    expect(await listsOff.get()).toEqual(['bills']);
    expect(await storage.getItem('local:listsOff')).toEqual(['bills']);
    // Written elsewhere (another of the extension's pages), then removed: the item's fallback.
    await item.setValue([]);
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual([]));
    await item.setValue(['account_transactions']);
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual(['account_transactions']));
    await item.removeValue();
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual([]));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again after a failed read', async () => {
    fakeBrowser.reset();
    const item = storage.defineItem<boolean>('local:on', { fallback: true });
    const read = vi.spyOn(item, 'getValue').mockRejectedValueOnce(new Error('storage unavailable'));
    const on = inMemory(item);
    await expect(on.get()).rejects.toThrow('storage unavailable');
    expect(await on.get()).toBe(true);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
