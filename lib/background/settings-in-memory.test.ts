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

    // Written elsewhere (another of the extension's pages), then removed: the item's fallback.
    await storage.setItem('local:listsOff', []);
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual([]));
    await storage.setItem('local:listsOff', ['bills']);
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual(['bills']));
    await storage.removeItem('local:listsOff');
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual([]));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('remembers what the worker writes at once, before storage tells of it', async () => {
    fakeBrowser.reset();
    const item = storage.defineItem<string[]>('local:listsOff', { fallback: [] });
    const listsOff = inMemory(item);
    expect(await listsOff.get()).toEqual([]);
    fakeBrowser.storage.local.onChanged.removeAllListeners(); // storage's news comes late, or not at all
    await listsOff.set(['bills']);
    expect(await listsOff.get()).toEqual(['bills']);
    expect(await storage.getItem('local:listsOff')).toEqual(['bills']);
  });

  it('keeps a change heard while its own write was finishing: the newer one', async () => {
    fakeBrowser.reset();
    const item = storage.defineItem<string[]>('local:listsOff', { fallback: [] });
    const listsOff = inMemory(item);
    expect(await listsOff.get()).toEqual([]);
    let finish = () => {};
    const store = item.setValue.bind(item);
    vi.spyOn(item, 'setValue').mockImplementationOnce(async (value) => {
      await store(value); // stored first...
      await new Promise<void>((resolve) => (finish = resolve)); // ...its answer reaches the worker late
    });
    const writing = listsOff.set(['bills']);
    await vi.waitFor(async () => expect(await storage.getItem('local:listsOff')).toEqual(['bills']));
    await storage.setItem('local:listsOff', ['invoices']); // written elsewhere meanwhile, and heard
    await vi.waitFor(async () => expect(await listsOff.get()).toEqual(['invoices']));
    finish();
    await writing;
    expect(await listsOff.get()).toEqual(['invoices']);
  });

  it('applies quick changes one after the other: none is lost', async () => {
    fakeBrowser.reset();
    const listsOff = inMemory(storage.defineItem<string[]>('local:listsOff', { fallback: [] }));
    await Promise.all([listsOff.update((off) => [...off, 'bills']), listsOff.update((off) => [...off, 'invoices'])]);
    expect(await listsOff.get()).toEqual(['bills', 'invoices']);
    expect(await storage.getItem('local:listsOff')).toEqual(['bills', 'invoices']);
  });

  it('reads again after a failed read, and goes on after a failed change', async () => {
    fakeBrowser.reset();
    const item = storage.defineItem<string[]>('local:listsOff', { fallback: [] });
    const read = vi.spyOn(item, 'getValue').mockRejectedValueOnce(new Error('storage unavailable'));
    const listsOff = inMemory(item);
    await expect(listsOff.get()).rejects.toThrow('storage unavailable');
    expect(await listsOff.get()).toEqual([]);
    expect(read).toHaveBeenCalledTimes(2);
    vi.spyOn(item, 'setValue').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(listsOff.update((off) => [...off, 'bills'])).rejects.toThrow('quota exceeded');
    await listsOff.update((off) => [...off, 'invoices']);
    expect(await listsOff.get()).toEqual(['invoices']);
  });
});
