// The settings every page's start waits on (the connection, the sites and lists switched on), kept
// in the worker's memory: read from storage once, then kept as they change. The worker writes them
// itself (the options page and the popup ask it to), and a change made elsewhere is heard. A
// page's first answer then does not wait on storage reads (5 to 25 ms each while pages load),
// and a look-up does not read the connection again.
import type { WxtStorageItem } from 'wxt/utils/storage';
import { decoratedSites, hiddenLists, serviceConnection } from '../settings';

export interface Setting<T> {
  /** As it is now: from storage the first time, from memory after. */
  get(): Promise<T>;
  /** Stored, then remembered: a read that follows gets it. */
  set(value: T): Promise<void>;
  /** Changed from what it is now, one change after the other: two quick switches both count. */
  update(change: (current: T) => T): Promise<void>;
}

export function inMemory<T>(item: WxtStorageItem<T, Record<string, unknown>>): Setting<T> {
  let value: Promise<T> | null = null;
  /** Counts the changes heard: one heard while a write was under way is newer than the write. */
  let heard = 0;
  item.watch((next) => {
    heard++;
    value = Promise.resolve(next);
  });
  let updates: Promise<unknown> = Promise.resolve();

  const get = () => {
    if (value) return value;
    const read = item.getValue();
    value = read;
    // A failed read is not kept: the next call reads again.
    read.catch(() => {
      if (value === read) value = null;
    });
    return read;
  };
  const set = async (next: T) => {
    const heardBefore = heard;
    await item.setValue(next);
    if (heard === heardBefore) value = Promise.resolve(next);
  };
  return {
    get,
    set,
    update(change) {
      const done = updates.then(async () => set(change(await get())));
      updates = done.catch(() => undefined);
      return done;
    },
  };
}

export function keepSettingsInMemory() {
  return { connection: inMemory(serviceConnection), sites: inMemory(decoratedSites), hiddenLists: inMemory(hiddenLists) };
}

export type BackgroundSettings = ReturnType<typeof keepSettingsInMemory>;
