// Procore's AG Grid lists (Owner and Subcontractor Invoicing, Direct Costs) on real AG Grid, in
// the version with separate pinned containers (35) and the one drawing a row as one element (36):
// the column is the grid's own, each record has exactly one cell whatever number of row elements
// draw it, and the state follows the record through sorting, filtering, a reset of the columns,
// virtual scrolling and navigation between tools. A long grid scrolled up from its end is asked about
// a batch of rows ahead at a time, read from the grid by the page-world helper (5,000 rows scrolled
// down: faults-host-page.spec.ts).
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { expect, test } from './harness';
import { AG_GRID_VERSIONS, type AgGridVersion, directCost, PROJECT, procoreGridPage, scrollGridThrough, serveProcoreAssets, TOOLS } from './procore';
import { seedRows } from './row-states';

const OWNER = `${TOOLS}/invoicing`;
const SUBCONTRACTOR = `${TOOLS}/invoicing/subcontractor`;
const BUDGET = `${TOOLS}/budget`;
const DIRECT_COSTS = `${TOOLS}/direct_costs`;

const ownerInvoice = (n: number): RecordRef => ({
  system: 'procore',
  recordType: 'owner_invoice',
  projectId: PROJECT,
  recordId: String(562950099171911n + BigInt(n)),
});
const subcontractorInvoice = (n: number): RecordRef => ({
  system: 'procore',
  recordType: 'subcontractor_invoice',
  projectId: PROJECT,
  recordId: String(598134325962303n + BigInt(n)),
});
const xeroInvoice = (n: number): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId: `1a2b3c4d-0000-4000-8000-${String(n).padStart(12, '0')}` });

const cellsOf = (page: Page, rowId: string) => page.locator(`.ag-row[row-id="${rowId}"] [data-erp-sync-cell]`);
const badgeOf = (page: Page, rowId: string) => page.locator(`.ag-row[row-id="${rowId}"] [data-erp-sync-cell] .badge`);
const header = (page: Page) => page.locator('.ag-header-cell[col-id="erp_synced"]');

/** The grid row showing a record, found by its link (a grid without record ids numbers its rows). */
async function rowIdOfLink(page: Page, hrefEnd: string): Promise<string> {
  const row = page.locator('.ag-row', { has: page.locator(`a[href$="${hrefEnd}"]`) });
  return (await row.getAttribute('row-id')) as string;
}

/** Scrolls the grid's rows to the end, as a user dragging its scrollbar (its scroller's class differs between versions). */
async function scrollGridToEnd(page: Page) {
  await page.locator('.ag-root').evaluate((grid) => {
    const scroller = [...grid.querySelectorAll('*')].find(
      (element) => element.scrollHeight > element.clientHeight + 40 && ['auto', 'scroll'].includes(getComputedStyle(element).overflowY),
    );
    scroller?.scrollTo(0, scroller.scrollHeight);
  });
}

async function expectOneColumn(page: Page) {
  await expect(header(page)).toHaveCount(1);
  await expect(header(page)).toHaveText('ERP Synced');
  await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
}

for (const version of Object.keys(AG_GRID_VERSIONS) as AgGridVersion[]) {
  test.describe(`Procore Invoicing on AG Grid ${version}`, () => {
    test('the right state per invoice through sort, search, a column reset and navigation', async ({ extension, tenant }) => {
      await tenant.report([
        { ref: ownerInvoice(0), state: 'synced', counterpart: { ref: xeroInvoice(0), number: 'INV-0410' } },
        { ref: ownerInvoice(1), state: 'not_synced', differences: [{ field: 'amount', label: 'Amount', here: '$168,335.67', there: '$168,353.67' }] },
        {
          ref: ownerInvoice(2),
          state: 'failed',
          error: { code: 'contact_not_found', message: 'The owner Harbour View Developments has no contact in Xero.', hint: 'Create or map the contact, then re-sync.' },
        },
        { ref: ownerInvoice(3), state: 'not_synced' },
        { ref: subcontractorInvoice(0), state: 'synced', counterpart: { ref: xeroInvoice(100), number: 'BILL-2201' } },
        { ref: subcontractorInvoice(1), state: 'not_synced' },
      ]);
      await tenant.push([{ ref: ownerInvoice(3), idempotencyKey: `e2e-${version}-${Date.now()}` }]);
      await extension.signIn(tenant.serviceUrl, tenant.token);
      await serveProcoreAssets(extension, 'https://app.procore.com', version);
      await extension.serve(SUBCONTRACTOR, 'procore/invoicing.html');
      await extension.serve(BUDGET, 'procore/invoicing.html');
      const page = await extension.openFixture(OWNER, 'procore/invoicing.html');

      const owner = (n: number) => ownerInvoice(n).recordId;
      await expectOneColumn(page);
      await expect(badgeOf(page, owner(0))).toHaveAttribute('data-state', 'synced');
      await expect(badgeOf(page, owner(0))).toHaveAttribute('aria-label', 'Synced with Xero INV-0410');
      await expect(badgeOf(page, owner(1))).toHaveAttribute('data-state', 'not_synced');
      await expect(badgeOf(page, owner(2))).toHaveAttribute('data-state', 'failed');
      await expect(badgeOf(page, owner(3))).toHaveAttribute('data-state', 'pending');
      await expect(badgeOf(page, owner(4))).toHaveAttribute('data-state', 'unknown');
      // One cell per record, however many row elements draw it.
      for (const n of [0, 1, 2]) await expect(cellsOf(page, owner(n))).toHaveCount(1);

      // The failure's message shows on hover, in full, above the grid's clipping.
      await badgeOf(page, owner(2)).hover();
      const failure = page.locator(`.ag-row[row-id="${owner(2)}"] [data-erp-sync-cell] [role="tooltip"]`);
      await expect(failure).toBeVisible();
      await expect(failure).toContainText('Create or map the contact');
      // In the top layer, above the row and not cut by the grid's cells.
      expect(await failure.evaluate((bubble) => bubble.matches(':popover-open'))).toBe(true);
      const bubbleBox = await failure.boundingBox();
      const rowBox = await page.locator(`.ag-row[row-id="${owner(2)}"]`).last().boundingBox();
      expect(bubbleBox?.y ?? 0).toBeLessThan((rowBox?.y ?? 0) - 10); // reaches above its row: nothing clips it

      // Sorting by amount, descending: rows move, each state stays with its invoice.
      const amountHeader = page.locator('.ag-header-cell[col-id="thisPeriod"] .ag-header-cell-label');
      await amountHeader.click();
      await amountHeader.click();
      await expect(page.locator(`.ag-row[row-id="${owner(23)}"]`).first()).toHaveAttribute('row-index', '0');
      await expect(badgeOf(page, owner(23))).toHaveAttribute('data-state', 'unknown');
      await scrollGridToEnd(page);
      await expect(page.locator(`.ag-row[row-id="${owner(0)}"]`).first()).toHaveAttribute('row-index', '23');
      await expect(badgeOf(page, owner(0))).toHaveAttribute('data-state', 'synced');
      await expect(badgeOf(page, owner(2))).toHaveAttribute('data-state', 'failed');
      for (const n of [0, 1, 2]) await expect(cellsOf(page, owner(n))).toHaveCount(1);

      // Searching hides rows; the ones left keep their states.
      await page.getByLabel('Search invoices').fill('Under Review');
      await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(4);
      await expect(badgeOf(page, owner(2))).toHaveAttribute('data-state', 'failed');
      await page.getByLabel('Search invoices').fill('');

      // "Reset to default" loads the tool's columns again: ours comes back, once.
      await page.getByRole('button', { name: 'Reset to default' }).click();
      await expectOneColumn(page);
      await expect(badgeOf(page, owner(1))).toHaveAttribute('data-state', 'not_synced');

      // To the Subcontractor tab (a new grid), away to the Budget tool, and back.
      await page.getByRole('link', { name: 'Subcontractor' }).click();
      await expect(page).toHaveURL(SUBCONTRACTOR);
      await expectOneColumn(page);
      await expect(badgeOf(page, subcontractorInvoice(0).recordId)).toHaveAttribute('data-state', 'synced');
      await expect(badgeOf(page, subcontractorInvoice(1).recordId)).toHaveAttribute('data-state', 'not_synced');
      await page.getByRole('link', { name: 'Budget' }).click();
      await expect(page.getByRole('heading', { name: 'Budget' })).toBeVisible();
      await expect(page.locator('[data-erp-sync-cell], [data-erp-sync-header], [data-erp-sync-column]')).toHaveCount(0);
      await page.goBack();
      await expect(page).toHaveURL(SUBCONTRACTOR);
      await expectOneColumn(page);
      await expect(badgeOf(page, subcontractorInvoice(0).recordId)).toHaveAttribute('data-state', 'synced');
      for (const n of [0, 1]) await expect(cellsOf(page, subcontractorInvoice(n).recordId)).toHaveCount(1);
      expect(extension.ourErrors(page)).toEqual([]);
    });
  });
}

test.describe('Procore Direct Costs on AG Grid', () => {
  test('loaded again, the grid draws its first screen in our column as the column appears, without asking for it', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: directCost(0), state: 'synced' },
      { ref: directCost(1), state: 'not_synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const asked = await extension.countCalls('getStatuses');
    const page = await extension.openFixture(DIRECT_COSTS, 'procore/direct-costs.html');
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1).recordId}`))).toHaveAttribute('data-state', 'not_synced');
    // Its first screen is the rows the grid drew and those read ahead below them.
    await expect.poll(async () => (await extension.stored<{ refs: unknown[] }>('firstScreens'))[0]?.refs.length).toBeGreaterThan(100);
    const askedBefore = await asked();
    const lookupsBefore = tenant.lookups();

    await page.reload();
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(0).recordId}`))).toHaveAttribute('data-state', 'synced');
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1).recordId}`))).toHaveAttribute('data-state', 'not_synced');
    const drawn = await page.locator('[data-erp-sync-cell]').count();
    await expect.poll(() => page.locator('[data-erp-sync-cell] .badge[data-state]:not([data-state="loading"])').count()).toBe(drawn);
    await page.waitForTimeout(300); // a question would have gone by now
    expect(await asked()).toBe(askedBefore);
    expect(tenant.lookups()).toBe(lookupsBefore);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('1,200 virtualised rows: one request at first, the right record after scrolling, none for totals', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: directCost(0), state: 'synced', counterpart: { ref: xeroInvoice(500), number: 'BILL-0001' } },
      { ref: directCost(1), state: 'not_synced' },
      { ref: directCost(1198), state: 'failed', error: { code: 'account_not_mapped', message: 'Cost code 03-300 has no Xero account.', hint: 'Map the cost code to an account, then re-sync.' } },
      { ref: directCost(1199), state: 'synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const before = tenant.lookups();
    const page = await extension.openFixture(DIRECT_COSTS, 'procore/direct-costs.html');


    const first = await rowIdOfLink(page, `/direct_costs/${directCost(0).recordId}`);
    await expect(badgeOf(page, first)).toHaveAttribute('data-state', 'synced');
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1).recordId}`))).toHaveAttribute('data-state', 'not_synced');
    // Only the rows the grid drew (those on screen and its small buffer) have cells, all shown,
    // and one look-up served them all.
    const drawn = await page.locator('[data-erp-sync-cell]').count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);
    await expect.poll(() => page.locator('[data-erp-sync-cell] .badge[data-state]:not([data-state="loading"])').count()).toBe(drawn);
    await page.waitForTimeout(300); // a split question would have been sent by now
    expect(tenant.lookups() - before).toBe(Math.ceil(drawn / 500));
    // The totals row is not a record: no cell.
    await expect(page.locator('.ag-floating-bottom [data-erp-sync-cell], .ag-row-pinned [data-erp-sync-cell]')).toHaveCount(0);

    // Scrolled to the end, the grid recycles its rows: the last records show their own states.
    await scrollGridToEnd(page);
    const last = page.locator('.ag-row', { has: page.locator(`a[href$="/direct_costs/${directCost(1199).recordId}"]`) });
    await expect(last).toHaveCount(1);
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1199).recordId}`))).toHaveAttribute('data-state', 'synced');
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1198).recordId}`))).toHaveAttribute('data-state', 'failed');
    await expect(badgeOf(page, await rowIdOfLink(page, `/direct_costs/${directCost(1190).recordId}`))).toHaveAttribute('data-state', 'unknown');
    await expect(page.locator(`a[href$="/direct_costs/${directCost(0).recordId}"]`)).toHaveCount(0);
    // Each drawn record has exactly one cell.
    const rowIds = await page.locator('.ag-center-cols-container .ag-row, .ag-row:not(.ag-row-pinned)').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('row-id')))]);
    for (const rowId of rowIds.slice(0, 10)) await expect(cellsOf(page, rowId as string)).toHaveCount(1);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('2,000 costs keyed by record id (AG Grid 36), scrolled up from the end: the rows above are read ahead too', async ({ extension, tenant }) => {
    test.setTimeout(240_000);
    const rows = 2_000;
    const states = await seedRows(tenant, rows, directCost);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '36.2.0');
    const costs = Array.from({ length: rows }, (_, i) => ({ id: directCost(i).recordId, vendor: `Vendor ${i}` }));
    const page = await extension.openFixture(DIRECT_COSTS, { html: procoreGridPage(costs) });
    await expect(page.locator('[data-erp-sync-cell]').first()).toBeVisible({ timeout: 30_000 });
    await scrollGridToEnd(page);
    await expect(page.locator(`.ag-row[row-id="${directCost(rows - 1).recordId}"] [data-erp-sync-cell] .badge`)).toHaveAttribute('data-state', states[directCost(rows - 1).recordId] as string);
    const asked = tenant.lookupLog().length;

    const { seen, neverShown, notOneCell } = await scrollGridThrough(page.locator('.ag-root'), 'up', rows);
    expect(neverShown).toEqual([]);
    expect(notOneCell).toEqual([]);
    expect(seen).toEqual(states);
    await page.waitForTimeout(300);
    const lookups = tenant.lookupLog().slice(asked);
    // None asked about twice, a batch ahead of the screen: not one look-up per screen.
    expect(new Set(lookups.flatMap((lookup) => lookup.keys)).size).toBe(lookups.reduce((sum, lookup) => sum + lookup.refs, 0));
    expect(lookups.length).toBeLessThanOrEqual(Math.ceil(rows / 500) + 2);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
