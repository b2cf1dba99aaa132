// Issue 9's fault matrix, the host page's part: a table re-rendered 100 times in a row, 50 rapid
// navigations between lists of a single-page app, and 5,000 rows scrolled end to end, in a table
// and in Procore's virtualised grid. Each ends with no error from our code, one cell per row,
// every row as the service holds it, and the service asked about each record at most once (what
// is known is not asked again).
import { type RecordRef, recordKey } from '../lib/contract/records';
import { expectColumnAsHeld, rowsShown } from './column';
import { expect, fault, test } from './harness';
import { directCost, scrollGridThrough, serveProcoreAssets, TOOLS } from './procore';
import { seedRows } from './row-states';
import type { RunningService } from './service';
import { XERO_INVOICES, xeroInvoiceRef, xeroListOf } from './xero';
import { ZOHO_ORGANIZATION, zohoBillRef } from './zoho';

const xeroList = (rows: number) => `${XERO_INVOICES}&PageSize=${rows}`;
const ZOHO = `https://books.zoho.com/app/${ZOHO_ORGANIZATION}`;
/** The invoice in row i of the Zoho Books fixture's invoice list. */
const zohoInvoiceRef = (i: number): RecordRef => ({ system: 'zoho_books', recordType: 'invoice', organizationId: ZOHO_ORGANIZATION, recordId: String(5254962000000234567n + BigInt(i)) });

/** How many records the service was asked about since a point in its look-up log. */
const recordsAskedSince = (service: RunningService, since: number) => service.lookupLog().slice(since).reduce((sum, lookup) => sum + lookup.refs, 0);

test.describe('fault matrix: the host page', () => {
  // One after another: the two 5,000-row scrolls, side by side on two cores, would slow each
  // other's reading ahead past the look-up bounds they hold it to.
  test.describe.configure({ mode: 'default' });

  test('the host re-renders its table 100 times in a row: one cell per row, the right states, nothing asked again', async ({ extension, tenant, service }) => {
    fault('the host page re-rendering its table 100 times in a row');
    const rows = 24;
    const states = await seedRows(tenant, rows, xeroInvoiceRef);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(xeroList(rows), { html: xeroListOf(rows) });
    await expectColumnAsHeld(page, states);
    const asked = service.lookupLog().length;

    // A new tbody of new rows each time, as the host's framework renders it (never with our cells).
    await page.evaluate(async (html) => {
      const rendered = new DOMParser().parseFromString(html, 'text/html').querySelector('tbody') as HTMLTableSectionElement;
      const table = document.querySelector('table.standard') as HTMLTableElement;
      for (let i = 0; i < 100; i++) {
        table.replaceChild(document.importNode(rendered, true), table.tBodies[0] as HTMLTableSectionElement);
        // Most land a frame apart, some two in one frame.
        if (i % 3 !== 2) await new Promise(requestAnimationFrame);
      }
    }, xeroListOf(rows));

    await expectColumnAsHeld(page, states);
    expect(recordsAskedSince(service, asked)).toBe(0);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('50 rapid navigations between two lists of a single-page app: the column on the current list, once', async ({ extension, tenant, service }) => {
    fault('50 rapid SPA navigations between lists');
    const invoices = await seedRows(tenant, 3, zohoInvoiceRef);
    const bills = await seedRows(tenant, 2, zohoBillRef);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(`${ZOHO}#/invoices`, 'zoho/books.html');
    await expectColumnAsHeld(page, invoices);
    const asked = service.lookupLog().length;

    // Zoho's hash routes: each change renders the other list anew, in place of the last.
    await page.evaluate(async () => {
      for (let i = 1; i <= 50; i++) {
        location.hash = i % 2 === 1 ? '#/bills' : '#/invoices';
        // Most a frame apart, some two in one frame.
        if (i % 5 !== 0) await new Promise(requestAnimationFrame);
      }
    });

    await expect(page.getByRole('heading', { name: 'All Invoices' })).toBeVisible();
    await expectColumnAsHeld(page, invoices);
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(Object.keys(invoices).length);
    // The bills were asked about once at most, the invoices not again.
    expect(recordsAskedSince(service, asked)).toBeLessThanOrEqual(Object.keys(bills).length);
    // Back on the bills, once more: they are shown as held, from what is known.
    await page.evaluate(() => (location.hash = '#/bills'));
    await expectColumnAsHeld(page, bills);
    expect(recordsAskedSince(service, asked)).toBeLessThanOrEqual(Object.keys(bills).length);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('5,000 rows scrolled end to end: every row shows its state as it passes, each record asked about once', async ({ extension, tenant, service }) => {
    fault('5,000 rows scrolled end to end');
    test.setTimeout(360_000);
    const rows = 5_000;
    const states = await seedRows(tenant, rows, xeroInvoiceRef);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const asked = service.lookupLog().length;
    const page = await extension.openFixture(xeroList(rows), { html: xeroListOf(rows) });
    // Rows get their cells as they come near the screen: at first, a few screens' worth.
    await expect(page.locator('[data-erp-sync-cell]').first()).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('[data-erp-sync-cell]').count()).toBeLessThan(200);

    // A screen at a time, so that every row is on screen once, each showing its state before the
    // next screen (as someone reading the list would). Done in the page: 5,000 rows are too many
    // to read over the wire at every screen.
    const { seen, neverShown } = await page.evaluate(async () => {
      const trs = [...document.querySelectorAll('table.standard > tbody > tr')];
      const stateOf = (tr: Element) => {
        const holder = [...(tr.querySelector(':scope > [data-erp-sync-cell]')?.querySelectorAll('*') ?? [])].find((element) => element.shadowRoot);
        const state = holder?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state');
        return state && state !== 'loading' ? state : null;
      };
      /** The rows on screen from row `first` on. */
      const onScreenFrom = (first: number) => {
        const shown: number[] = [];
        for (let i = first; i < trs.length && (trs[i] as Element).getBoundingClientRect().top < innerHeight; i++) shown.push(i);
        return shown;
      };
      const seen: Record<string, string | null> = {};
      const neverShown: string[] = [];
      // Each screen begins with the first row not yet seen: rows that give up their drawing far
      // off screen may change the height of what is above.
      for (let first = 0; first < trs.length; ) {
        (trs[first] as Element).scrollIntoView({ block: 'start' });
        const since = performance.now();
        let rows = onScreenFrom(first);
        while (rows.some((i) => stateOf(trs[i] as Element) === null) && performance.now() - since < 15_000) {
          await new Promise(requestAnimationFrame);
          rows = onScreenFrom(first);
        }
        for (const i of rows) {
          const id = (trs[i] as Element).getAttribute('data-id') as string;
          seen[id] = stateOf(trs[i] as Element);
          if (seen[id] === null) neverShown.push(id);
        }
        first = Math.max(first + 1, (rows.at(-1) ?? first) + 1);
      }
      return { seen, neverShown };
    });

    expect(neverShown).toEqual([]);
    expect(seen).toEqual(states);
    expect((await rowsShown(page)).every((row) => row.cells === 1)).toBe(true);
    await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
    expect(recordsAskedSince(service, asked)).toBeLessThanOrEqual(rows);
    // Asked a batch ahead as the user scrolls: about one look-up per 500 rows, not one per screen.
    expect(service.lookupLog().length - asked).toBeLessThanOrEqual(Math.ceil(rows / 500) + 2);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test("5,000 rows of Procore's virtualised grid (AG Grid 35) scrolled end to end: each record shows its state as it passes, asked about once, a batch ahead", async ({ extension, tenant }) => {
    fault('5,000 rows scrolled end to end');
    test.setTimeout(360_000);
    const rows = 5_000;
    const states = await seedRows(tenant, rows, directCost);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const asked = tenant.lookupLog().length;
    const page = await extension.openFixture(`${TOOLS}/direct_costs?per_page=${rows}`, 'procore/direct-costs.html');
    await expect(page.locator('[data-erp-sync-cell]').first()).toBeVisible({ timeout: 30_000 });

    // The grid draws only the rows near its viewport (it numbers them: their records are in their links).
    const { seen, neverShown, notOneCell } = await scrollGridThrough(page.locator('.ag-root'), 'down', rows);
    expect(neverShown).toEqual([]);
    expect(notOneCell).toEqual([]);
    expect(seen).toEqual(states);
    await page.waitForTimeout(300); // a late or split look-up would have been sent by now
    const lookups = tenant.lookupLog().slice(asked);
    // Each record asked about once, a batch ahead of the screen: not one look-up per screen.
    expect(lookups.flatMap((lookup) => lookup.keys).sort()).toEqual(Array.from({ length: rows }, (_, i) => recordKey(directCost(i))).sort());
    expect(lookups.length).toBeLessThanOrEqual(Math.ceil(rows / 500) + 2);
    await expect(page.locator('.ag-header-cell[col-id="erp_synced"]')).toHaveCount(1);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
