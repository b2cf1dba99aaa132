import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../contract/records';
import { openInspectorDatabase } from './database';
import { createFirstScreens, FIRST_SCREENS_KEPT } from './first-screens';

const cost = (n: number): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: String(1000 + n) });
const list = (n: number) => `https://app.procore.com/webclients/host/companies/1/projects/1/tools/direct_costs?page=${n}`;

describe('the first screen each page showed', () => {
  it('remembers it by the page address, for a worker started later too', async () => {
    const db = openInspectorDatabase('first-screens-kept');
    await createFirstScreens(db).remember(list(1), [cost(1), cost(2)]);
    const later = createFirstScreens(db); // a new worker: nothing in memory
    expect(await later.of(list(1))).toEqual([cost(1), cost(2)]);
    expect(await later.of(list(2))).toEqual([]);
    await later.remember(list(1), [cost(3)]);
    expect(await createFirstScreens(db).of(list(1))).toEqual([cost(3)]);
  });

  it(`keeps the ${FIRST_SCREENS_KEPT} pages shown last, and forgets them all on clear`, async () => {
    const db = openInspectorDatabase('first-screens-bounded');
    let now = 0;
    const screens = createFirstScreens(db, () => now++);
    for (let n = 0; n <= FIRST_SCREENS_KEPT; n++) await screens.remember(list(n), [cost(n)]);
    expect(await db.firstScreens.count()).toBe(FIRST_SCREENS_KEPT);
    expect(await createFirstScreens(db).of(list(0))).toEqual([]);
    expect(await createFirstScreens(db).of(list(FIRST_SCREENS_KEPT))).toEqual([cost(FIRST_SCREENS_KEPT)]);
    await screens.clear();
    expect(await screens.of(list(1))).toEqual([]);
    expect(await db.firstScreens.count()).toBe(0);
  });
});
