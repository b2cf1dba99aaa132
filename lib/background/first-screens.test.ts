import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../contract/records';
import { openInspectorDatabase } from './database';
import { createFirstScreens, FIRST_SCREENS_KEPT } from './first-screens';
import { FORGET_MS } from './status-cache';

const cost = (n: number): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1000 + n) });
const list = (n: number) => `https://app.procore.com/webclients/host/companies/1/projects/1/tools/direct_costs?page=${n}`;
const noLog = () => undefined;

describe('the first screen each page showed', () => {
  it('remembers it by the page address, for a worker started later too', async () => {
    const db = openInspectorDatabase('first-screens-kept');
    await createFirstScreens(db, noLog).remember(list(1), [cost(1), cost(2)]);
    const later = createFirstScreens(db, noLog); // a new worker: nothing in memory
    expect(await later.of(list(1))).toEqual([cost(1), cost(2)]);
    expect(await later.of(list(2))).toEqual([]);
    await later.remember(list(1), [cost(3)]);
    expect(await createFirstScreens(db, noLog).of(list(1))).toEqual([cost(3)]);
  });

  it(`keeps the ${FIRST_SCREENS_KEPT} pages opened last, and forgets them all on clear`, async () => {
    const db = openInspectorDatabase('first-screens-bounded');
    let now = 0;
    const screens = createFirstScreens(db, noLog, () => now++);
    for (let n = 0; n <= FIRST_SCREENS_KEPT; n++) {
      await screens.remember(list(n), [cost(n)]);
      if (n === 1) await screens.of(list(0)); // the first page is opened again: it stays
    }
    expect(await db.firstScreens.count()).toBe(FIRST_SCREENS_KEPT);
    expect(await createFirstScreens(db, noLog).of(list(0))).toEqual([cost(0)]);
    expect(await createFirstScreens(db, noLog).of(list(1))).toEqual([]);
    expect(await createFirstScreens(db, noLog).of(list(FIRST_SCREENS_KEPT))).toEqual([cost(FIRST_SCREENS_KEPT)]);
    await screens.clear();
    expect(await screens.of(list(2))).toEqual([]);
    expect(await db.firstScreens.count()).toBe(0);
  });

  it('keeps nothing of a page read while everything is forgotten (signing out)', async () => {
    const db = openInspectorDatabase('first-screens-cleared-while-read');
    await createFirstScreens(db, noLog).remember(list(1), [cost(1)]);
    const screens = createFirstScreens(db, noLog); // a new worker: the page is read from the database
    const reading = screens.of(list(1));
    await screens.clear();
    expect(await reading).toEqual([]);
    expect(await screens.of(list(1))).toEqual([]);
    expect(await db.firstScreens.count()).toBe(0);
  });

  it('forgets a page not opened for as long as statuses are kept', async () => {
    const db = openInspectorDatabase('first-screens-pruned');
    let now = 1_000_000;
    const screens = createFirstScreens(db, noLog, () => now);
    await screens.remember(list(1), [cost(1)]);
    now += FORGET_MS / 2;
    await screens.remember(list(2), [cost(2)]);
    now += FORGET_MS / 2;
    await screens.prune();
    expect(await screens.of(list(1))).toEqual([]);
    expect(await screens.of(list(2))).toEqual([cost(2)]);
  });
});
