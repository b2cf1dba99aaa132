// The "ERP Synced" column on the list pages, against the real sync-status service: the right
// state on the right row, through re-renders, sorting and navigation, with no duplicate cells.
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { rowsShown } from './column';
import { expect, test } from './harness';
import { serveProcoreAssets, TOOLS } from './procore';
import { blockedInvoice, xeroInvoiceRef, xeroListOf } from './xero';
import { zohoBillRef } from './zoho';

const XERO_INVOICES = 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED';
const ZOHO = 'https://books.zoho.com/app/60012345678';
const PROJECT = '598134325548164';

const xeroInvoice = (recordId: string): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId });
const directCost = (recordId: string): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: PROJECT, recordId });
const ownerInvoice = (recordId: string): RecordRef => ({ system: 'procore', recordType: 'owner_invoice', projectId: PROJECT, recordId });
const zoho = (recordType: 'invoice' | 'bill', recordId: string): RecordRef => ({
  system: 'zoho_books',
  recordType,
  organizationId: '60012345678',
  recordId,
});

/** The badge of one row's cell (Playwright's CSS reaches into our open shadow roots). */
const badge = (page: Page, row: string) => page.locator(`${row} > [data-erp-sync-cell] .badge`);
/** The details shown beside a row's badge on hover and focus. */
const bubble = (page: Page, row: string) => page.locator(`${row} > [data-erp-sync-cell] [role="tooltip"]`);

test.describe('the ERP Synced column', () => {
  test('shows each state on the right row of a Xero classic list', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: xeroInvoice('7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'), state: 'synced', counterpart: { ref: ownerInvoice('562950099171911'), number: 'PA-07' } },
      {
        ref: xeroInvoice('8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c'),
        state: 'not_synced',
        counterpart: { ref: ownerInvoice('562950099171912'), number: 'PA-08' },
        differences: [{ field: 'amount', label: 'Amount', here: '$52,910.00', there: '$52,190.00' }],
      },
      blockedInvoice,
      { ref: xeroInvoice('a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e'), state: 'not_synced' },
    ]);
    await tenant.push([{ ref: xeroInvoice('a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e'), idempotencyKey: `e2e-${Date.now()}` }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);

    const page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await expect(page.locator('thead [data-erp-sync-header]')).toHaveText('ERP Synced');
    await expect(badge(page, '#row0')).toHaveAttribute('data-state', 'synced');
    await expect(badge(page, '#row0')).toHaveAttribute('aria-label', 'Synced with Procore PA-07');
    await expect(badge(page, '#row1')).toHaveAttribute('data-state', 'not_synced');
    await expect(badge(page, '#row2')).toHaveAttribute('data-state', 'failed');
    await expect(badge(page, '#row2')).toHaveAttribute('aria-label', /not mapped to a Procore owner/);
    await expect(badge(page, '#row3')).toHaveAttribute('data-state', 'pending');
    await expect(badge(page, '#row4')).toHaveAttribute('data-state', 'unknown');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(5);
    await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);

    // The failure's message and hint show on hover and on keyboard focus.
    const failure = bubble(page, '#row2');
    await expect(failure).toBeHidden();
    await badge(page, '#row2').hover();
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Map the customer in the integration settings');
    await page.mouse.move(0, 0);
    await badge(page, '#row2').focus();
    await expect(failure).toBeVisible();
    await expect(bubble(page, '#row1')).toContainText('amount differ from Procore PA-08');

    // Clicking our cell does not open the invoice, as a click elsewhere on a Xero row would.
    await badge(page, '#row0').click();
    await expect(page).toHaveURL(XERO_INVOICES);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('follows Xero classic Bills to pay through server-rendered paging and sorting', async ({ extension, tenant }) => {
    const bill = (recordId: string): RecordRef => ({ system: 'xero', recordType: 'bill', recordId });
    await tenant.report([
      { ref: bill('3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f'), state: 'synced', counterpart: { ref: directCost('598134332797815'), number: 'DC-0412' } },
      {
        ref: bill('4b2a0e9f-6c3b-4d8e-8f10-2b3c4d5e6f71'),
        state: 'failed',
        error: { code: 'vendor_not_mapped', message: 'Northgate Steel Erectors has no Procore vendor.', hint: 'Map the vendor, then re-sync.' },
      },
      { ref: bill('8f6e4c3d-a07f-4bc2-8354-6f7a8b9cadb5'), state: 'not_synced' },
      { ref: bill('ab806e5f-c291-4de4-a576-8b9cadbecfd7'), state: 'synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    // Each page the server would render: the list, its second page, and the list sorted by amount.
    const list = 'https://go.xero.com/AccountsPayable/Search.aspx?PageSize=5';
    await extension.serve(`${list}&page=2`, 'xero/bills-classic.html');
    await extension.serve(`${list}&page=1&sort=amount`, 'xero/bills-classic.html');
    const page = await extension.openFixture(list, 'xero/bills-classic.html');
    const billRow = (supplier: string) => `tbody tr:has(a.nav:text-is("${supplier}"))`;

    await expect(badge(page, billRow('Bayline Concrete Pty Ltd'))).toHaveAttribute('aria-label', 'Synced with Procore DC-0412');
    await expect(badge(page, billRow('Northgate Steel Erectors'))).toHaveAttribute('data-state', 'failed');
    await expect(badge(page, billRow('Coastal Electrical Services'))).toHaveAttribute('data-state', 'unknown');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(5);

    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(`${list}&page=2`);
    await expect(badge(page, billRow('Harbour Scaffolding Hire'))).toHaveAttribute('data-state', 'not_synced');
    await expect(badge(page, billRow('Crane Logistics Group'))).toHaveAttribute('data-state', 'synced');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(3);

    await page.getByRole('link', { name: 'Due', exact: true }).click();
    await expect(page).toHaveURL(`${list}&page=1&sort=amount`);
    await expect(page.locator('tbody tr').first()).toContainText('Crane Logistics Group');
    await expect(badge(page, 'tbody tr:first-child')).toHaveAttribute('data-state', 'synced');
    await expect(badge(page, billRow('Northgate Steel Erectors'))).toHaveAttribute('data-state', 'failed');
    await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('keeps Zoho rows right through re-renders, sorting and hash navigation', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: zoho('invoice', '5254962000000234567'), state: 'synced', counterpart: { ref: ownerInvoice('598134340000001'), number: 'PA-02' } },
      { ref: zoho('invoice', '5254962000000234568'), state: 'not_synced' },
      {
        ref: zoho('bill', '5254962000000345672'),
        state: 'failed',
        error: { code: 'vendor_not_mapped', message: 'Bolt Steel Fabricators has no Procore vendor.', hint: 'Map the vendor.' },
      },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(`${ZOHO}#/invoices`, 'zoho/books.html');
    const expectInvoices = async () => {
      await expect(badge(page, '[id="5254962000000234567"]')).toHaveAttribute('data-state', 'synced');
      await expect(badge(page, '[id="5254962000000234568"]')).toHaveAttribute('data-state', 'not_synced');
      await expect(badge(page, '[id="5254962000000234569"]')).toHaveAttribute('data-state', 'unknown');
      await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(3);
      await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
    };
    await expectInvoices();

    // Sorting re-renders the whole table, with new Ember ids.
    const firstBefore = await page.locator('tbody tr').first().getAttribute('id');
    await page.getByRole('button', { name: 'Sort by Invoice#' }).click();
    await expect(page.locator('tbody tr').first()).not.toHaveAttribute('id', firstBefore ?? '');
    await expectInvoices();

    // Opening an invoice keeps the list beside it, and its column, once.
    await page.getByRole('link', { name: 'INV-000113' }).click();
    await expect(page.getByRole('heading', { name: 'INV-000113' })).toBeVisible();
    await expectInvoices();

    // Away to a page with no list: the column leaves with it.
    await page.evaluate(() => (location.hash = '#/contacts'));
    await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
    await expect(page.locator('[data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);

    // On to bills, and back to invoices: each list gets its column once.
    await page.evaluate(() => (location.hash = '#/bills'));
    await expect(badge(page, '[id="5254962000000345672"]')).toHaveAttribute('data-state', 'failed');
    await expect(badge(page, '[id="5254962000000345671"]')).toHaveAttribute('data-state', 'unknown');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(2);
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expectInvoices();
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('follows the legacy Procore Direct Costs table through server-rendered sorting and paging', async ({ extension, tenant }) => {
    await tenant.report([
      {
        ref: directCost('598134332797815'),
        state: 'synced',
        counterpart: { ref: { system: 'xero', recordType: 'bill', recordId: '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f' }, number: 'BILL-0318' },
      },
      { ref: directCost('598134332797816'), state: 'not_synced' },
      { ref: directCost('598134332797820'), state: 'synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const origin = 'https://us02.procore.com';
    const summary = `${origin}/${PROJECT}/project/direct_costs/summary/index`;
    await extension.serve(`${summary}?page=1&sort[attribute]=amount`, 'procore/direct-costs-legacy.html');
    await extension.serve(`${summary}?page=2&sort[attribute]=amount`, 'procore/direct-costs-legacy.html');
    const page = await extension.openFixture(`${origin}/${PROJECT}/project/direct_costs`, 'procore/direct-costs-legacy.html');
    const costRow = (vendor: string) => `table.item-list tbody tr:has(td:text-is("${vendor}"))`;

    await expect(page.locator('table.item-list thead [data-erp-sync-header]')).toHaveText('ERP Synced');
    await expect(badge(page, costRow('Bayline Concrete Pty Ltd'))).toHaveAttribute('aria-label', 'Synced with Xero BILL-0318');
    await expect(badge(page, costRow('Northgate Steel Erectors'))).toHaveAttribute('data-state', 'not_synced');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(4);

    // Sorted by amount (largest first), then its second page: full page loads.
    await page.getByRole('link', { name: 'Amount' }).click();
    await expect(page.locator('table.item-list tbody tr').first()).toContainText('Northgate Steel Erectors');
    await expect(badge(page, 'table.item-list tbody tr:first-child')).toHaveAttribute('data-state', 'not_synced');
    await page.getByRole('link', { name: '2', exact: true }).click();
    await expect(page).toHaveURL(`${summary}?page=2&sort[attribute]=amount`);
    await expect(badge(page, costRow('Metro Waste Removal'))).toHaveAttribute('data-state', 'synced');
    await expect(badge(page, costRow('Bunnings Trade'))).toHaveAttribute('data-state', 'unknown');
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(2);
    await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('gives Account Transactions rows a cell only when they are records, through a re-run', async ({ extension, tenant }) => {
    const xero = (recordType: 'spend_money' | 'receive_money' | 'bill' | 'invoice' | 'credit_note' | 'manual_journal', recordId: string): RecordRef => ({
      system: 'xero',
      recordType,
      recordId,
    });
    await tenant.report([
      { ref: xero('spend_money', '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'), state: 'synced' },
      { ref: xero('bill', '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f'), state: 'not_synced' },
      { ref: xero('credit_note', '4d2e0f9a-6c3b-4d8e-8f10-2b3c4d5e6f70'), state: 'synced' },
      {
        ref: xero('manual_journal', '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'),
        state: 'failed',
        error: { code: 'cost_code_not_mapped', message: 'Account 510 has no Procore cost code.', hint: 'Map the account.' },
      },
      { ref: xero('invoice', '8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c'), state: 'synced' },
      { ref: xero('receive_money', '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a'), state: 'not_synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture('https://reporting.xero.com/!kh5BZ/v2/Run/New/1009', 'xero/account-transactions.html');
    const bySource = (source: string) => page.locator('tbody tr', { has: page.getByRole('cell', { name: source, exact: true }) });
    const expectReport = async () => {
      const expected: [string, string][] = [
        ['Spend Money', 'synced'],
        ['Payable Invoice', 'not_synced'],
        ['Payable Credit Note', 'synced'],
        ['Manual Journal', 'failed'],
        ['Receivable Invoice', 'synced'],
        ['Receive Money', 'not_synced'],
      ];
      for (const [source, state] of expected) await expect(bySource(source).locator('[data-erp-sync-cell] .badge')).toHaveAttribute('data-state', state);
      // Headings, totals and a bank transfer (not a record the integration syncs) get no cell.
      await expect(page.locator('tr.section [data-erp-sync-cell], tr.total [data-erp-sync-cell]')).toHaveCount(0);
      await expect(bySource('Bank Transfer').locator('[data-erp-sync-cell]')).toHaveCount(0);
      await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(6);
      await expect(page.locator('[data-erp-sync-header]')).toHaveCount(1);
    };
    await expectReport();
    // "Update" runs the report again and draws a new table.
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page.locator('#report')).toHaveAttribute('aria-busy', 'false');
    await expectReport();
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('asks for the rows on screen only: a 1,000-row list costs one request at first, and two more scrolled to its end', async ({ extension, tenant }) => {
    test.setTimeout(60_000);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const before = tenant.lookups();
    const page = await extension.openFixture(`${XERO_INVOICES}&PageSize=1000`, { html: xeroListOf(1000) });
    await expect(badge(page, '#row0')).toHaveAttribute('data-state', 'unknown');
    // Only rows on or near the screen have a cell: the rest cost nothing until scrolled to.
    await expect(page.locator('[data-erp-sync-cell] .badge[data-state="loading"]')).toHaveCount(0);
    const onScreen = await page.locator('[data-erp-sync-cell] .badge[data-state="unknown"]').count();
    expect(await page.locator('[data-erp-sync-cell]').count()).toBeLessThan(100);
    expect(tenant.lookups() - before).toBeLessThanOrEqual(Math.ceil(onScreen / 500));
    // Scrolled screen by screen to the end, rows are asked for a batch ahead: a few more look-ups
    // for the whole list, not one per screen.
    const afterFirstPaint = tenant.lookups();
    const scrollAScreen = () =>
      page.evaluate(() => {
        const before = scrollY;
        scrollBy(0, innerHeight * 0.9);
        const row = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('tr');
        return scrollY > before ? (row?.id ?? '') : null;
      });
    for (let row = await scrollAScreen(); row !== null; row = await scrollAScreen()) {
      if (row) await expect(badge(page, `#${row}`)).toHaveAttribute('data-state', 'unknown');
    }
    await expect(badge(page, '#row999')).toHaveAttribute('data-state', 'unknown');
    expect(tenant.lookups() - afterFirstPaint).toBeLessThanOrEqual(Math.ceil(1000 / 500));
    // Every row scrolled past got its cell, once.
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(1000);
    expect(new Set((await rowsShown(page)).map((row) => row.cells))).toEqual(new Set([1]));
  });

  test('a 1,000-row Zoho Books list: one request at first, the rest as they are scrolled to', async ({ extension, tenant }) => {
    const last = zohoBillRef(999).recordId; // the 1,000th bill
    await tenant.report([
      { ref: zoho('bill', '5254962000000345672'), state: 'not_synced' },
      { ref: zoho('bill', last), state: 'synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const before = tenant.lookups();
    const page = await extension.openFixture(`${ZOHO}#/bills?per_page=1000`, 'zoho/books.html');
    await expect(badge(page, '[id="5254962000000345672"]')).toHaveAttribute('data-state', 'not_synced');
    // Only rows on or near the screen have a cell: the rest cost nothing until scrolled to.
    await expect(page.locator('[data-erp-sync-cell] .badge[data-state="loading"]')).toHaveCount(0);
    const onScreen = await page.locator('[data-erp-sync-cell] .badge[data-state]:not([data-state="loading"])').count();
    expect(await page.locator('[data-erp-sync-cell]').count()).toBeLessThan(100);
    expect(tenant.lookups() - before).toBeLessThanOrEqual(Math.ceil(onScreen / 500));
    await page.locator(`[id="${last}"]`).scrollIntoViewIfNeeded();
    await expect(badge(page, `[id="${last}"]`)).toHaveAttribute('data-state', 'synced');
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('a list opened again draws the states it showed first with its rows, without asking for them', async ({ extension, tenant }) => {
    await tenant.report([{ ref: xeroInvoiceRef(0), state: 'not_synced' }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const asked = await extension.countCalls('getStatuses');
    const page = await extension.openFixture(`${XERO_INVOICES}&PageSize=50`, { html: xeroListOf(50) });
    await expect(badge(page, '#row0')).toHaveAttribute('data-state', 'not_synced');
    const shownFirst = await page.locator('[data-erp-sync-cell]').count();
    expect(await asked()).toBeGreaterThan(0);
    await expect.poll(async () => (await extension.stored('firstScreens')).length).toBe(1);

    // Every state each cell is drawn with, as it is drawn (its content is rendered in the task that adds it).
    await page.addInitScript(() => {
      const drawn: string[] = [];
      (window as unknown as { drawnStates: string[] }).drawnStates = drawn;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement && node.hasAttribute('data-erp-sync-cell'))
              drawn.push(node.querySelector('span')?.shadowRoot?.querySelector('.badge')?.getAttribute('data-state') ?? 'none');
      }).observe(document, { childList: true, subtree: true });
    });
    const askedBefore = await asked();
    const lookupsBefore = tenant.lookups();
    await page.reload();
    await expect(badge(page, '#row0')).toHaveAttribute('data-state', 'not_synced');
    await expect(badge(page, '#row1')).toHaveAttribute('data-state', 'unknown');
    const drawn = await page.evaluate(() => (window as unknown as { drawnStates: string[] }).drawnStates);
    expect(drawn).toHaveLength(shownFirst);
    expect(drawn.filter((state) => state === 'loading' || state === 'none')).toEqual([]);
    // Confirmed a moment ago: neither the background nor the service was asked again.
    expect(await asked()).toBe(askedBefore);
    expect(tenant.lookups()).toBe(lookupsBefore);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('until signed in, shows only a "Sign in" in the header, which opens the options page', async ({ extension, context }) => {
    const page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    const hint = page.locator('thead [data-erp-sync-header]').getByRole('button', { name: 'Sign in' });
    await expect(hint).toBeVisible();
    // Rows get an empty cell (the table's lines continue), with nothing in it.
    await expect(page.locator('tbody [data-erp-sync-cell="blank"]')).toHaveCount(5);
    await expect(page.locator('[data-erp-sync-cell] .badge')).toHaveCount(0);
    const options = context.waitForEvent('page');
    await hint.click();
    expect((await options).url()).toBe(`chrome-extension://${extension.id}/options.html`);
    await expect(page).toHaveURL(XERO_INVOICES); // the click never reached the host's header

    // A grid shows it in the header it draws for our column.
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const grid = await extension.openFixture(`${TOOLS}/invoicing`, 'procore/invoicing.html');
    await expect(grid.locator('.ag-header-cell[col-id="erp_synced"]').getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(grid.locator('[data-erp-sync-cell] .badge')).toHaveCount(0);
    expect(extension.ourErrors(page)).toEqual([]);
    expect(extension.ourErrors(grid)).toEqual([]);
  });
});
