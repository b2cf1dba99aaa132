// Attack matrix (issue 9), untrusted content: record ids, numbers and names on host pages, and
// texts that came from the service, full of markup, script, direction tricks and length. They show
// as text, nothing runs, and an id that fails its system's format gets no cell and is never sent.
import type { Page } from '@playwright/test';
import type { IngestRecord } from '../lib/contract/api';
import { type RecordRef, recordKey } from '../lib/contract/records';
import { attack, expect, test } from './harness';
import { brokenIds, expectNoMarkupIn, expectNoPayloadRan, payloads } from './payloads';
import { directCost, PROJECT, procoreGridPage, serveProcoreAssets, TOOLS } from './procore';
import { xeroClassicList, xeroInvoiceRef } from './xero';
import { ZOHO_ORGANIZATION, zohoInvoiceList } from './zoho';

/** Every record the service was asked about since a point in its look-up log. */
const askedSince = (tenant: { lookupLog(): { keys: string[] }[] }, from: number) => new Set(tenant.lookupLog().slice(from).flatMap((lookup) => lookup.keys));

/** The cells of a page's rows, in row order: a row with no cell counts 0. */
const cellsPerRow = (page: Page, rows: string) =>
  page.locator(rows).evaluateAll((elements) => elements.map((row) => row.querySelectorAll('[data-erp-sync-cell]').length));

test.describe('attack matrix: untrusted content', () => {
  test('Xero classic: markup in ids, numbers and links shows as text; broken ids get no cell and are never sent; so do the service\'s texts, in the cell, the popup and the side panel', async ({ extension, tenant }) => {
    test.setTimeout(60_000);
    attack(
      'Xero classic list: record ids, numbers and amounts holding HTML and script, javascript: links, direction and zero-width characters, 20,000-character strings: nothing runs, nothing injected into our cells',
      'Xero classic list: ids that fail the GUID format (markup, javascript:, zero-width, right-to-left, fullwidth, 14,400 characters) get no cell and are never looked up',
      'the service\'s texts (error message and hint, record and counterpart numbers, differences) holding HTML and script show as text in the cell, the popup and the side panel',
    );
    const [failed, differing] = [xeroInvoiceRef(1), xeroInvoiceRef(2)];
    const counterpart: RecordRef = { system: 'procore', recordType: 'owner_invoice', projectId: PROJECT, contractId: '562949953443325', recordId: '562950099171911' };
    const fromService: IngestRecord[] = [
      {
        ref: failed,
        number: payloads.breakout,
        state: 'failed',
        error: { code: 'customer_not_mapped', message: payloads.img, hint: payloads.breakout, blockedBy: { kind: 'customer', name: payloads.img } },
      },
      {
        ref: differing,
        state: 'not_synced',
        counterpart: { ref: counterpart, number: payloads.img },
        differences: [{ field: 'amount', label: payloads.img, here: payloads.breakout, there: payloads.bidi }],
      },
    ];
    await tenant.report(fromService);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const before = tenant.lookups();
    const broken = brokenIds(xeroInvoiceRef(3).recordId);
    const list = 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED';
    const page = await extension.openFixture(
      list,
      {
        html: xeroClassicList([
          { id: failed.recordId, number: payloads.img, due: payloads.bidi },
          { id: differing.recordId, number: payloads.breakout, href: payloads.link, due: payloads.long },
          ...broken.map((id) => ({ id, number: payloads.img })),
        ]),
      },
    );
    const badge = (row: number) => page.locator(`#row${row} > [data-erp-sync-cell] .badge`);
    // The 20,000-character amount widens the table: our column is drawn once scrolled to.
    await page.locator('#row0 > [data-erp-sync-cell]').scrollIntoViewIfNeeded();
    await expect(badge(0)).toHaveAttribute('data-state', 'failed');
    await expect(badge(1)).toHaveAttribute('data-state', 'not_synced');
    // The host's rows show the markup as text, as Xero does.
    await expect(page.locator('#row0 a.nav')).toHaveText(payloads.img);
    expect(await cellsPerRow(page, 'table.standard > tbody > tr')).toEqual([1, 1, ...broken.map(() => 0)]);
    expect(askedSince(tenant, before)).toEqual(new Set([recordKey(failed), recordKey(differing)]));

    // The service's texts, in the cell: its name, its details, its view arrow.
    await expect(badge(0)).toHaveAttribute('aria-label', `Sync failed: ${payloads.img}`);
    await badge(0).hover();
    await expect(page.locator('#row0 [role="tooltip"]')).toContainText(payloads.breakout);
    await badge(1).hover();
    await expect(page.locator('#row1 [role="tooltip"]')).toContainText(`${payloads.img}: ${payloads.breakout} here`);
    const view = page.locator('#row1 > [data-erp-sync-cell]').getByRole('link', { name: `Open ${payloads.img} in Procore` });
    await expect(view).toHaveAttribute('href', /^https:\/\/app\.procore\.com\//);
    await expectNoPayloadRan(page);

    // The popup: the failed row with its number and reason.
    const popup = await extension.openPopup(page);
    const needsAction = popup.getByRole('region', { name: 'Needs action' });
    await expect(needsAction).toContainText(`${payloads.breakout} failed: ${payloads.img} ${payloads.breakout}`);
    await expectNoMarkupIn(popup);

    // The side panel: the account's errors, and the record's own details and history.
    const panel = await extension.openExtensionPage('sidepanel.html');
    const group = panel.getByRole('article', { name: 'Xero invoice: customer_not_mapped' });
    await expect(group).toContainText(payloads.img);
    await expect(group).toContainText(payloads.breakout);
    await group.getByRole('button', { name: `Details of ${payloads.breakout}` }).click();
    const found = panel.getByRole('status', { name: 'Record' });
    await expect(found).toContainText(`Xero invoice ${payloads.breakout}`);
    await expect(found).toContainText(`Sync failed: ${payloads.img}`);
    await expect(panel.getByRole('region', { name: 'History' })).toContainText(payloads.img);
    await expectNoMarkupIn(panel);
    for (const shown of [page, popup, panel]) expect(extension.ourErrors(shown)).toEqual([]);
  });

  test('Zoho Books: markup in ids, numbers, customers and links shows as text; broken ids get no cell and are never sent', async ({ extension, tenant }) => {
    attack(
      'Zoho Books list: ids, numbers and customer names holding HTML and script, a javascript: link, ids that fail the numeric format (markup, zero-width, right-to-left, fullwidth, 7,600 digits): nothing runs, broken ids get no cell and are never looked up',
    );
    const invoice = (recordId: string): RecordRef => ({ system: 'zoho_books', recordType: 'invoice', organizationId: ZOHO_ORGANIZATION, recordId });
    const [first, second] = [invoice('5254962000000234567'), invoice('5254962000000234568')];
    await tenant.report([{ ref: first, state: 'synced', counterpart: { ref: directCost(0), number: payloads.img } }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const before = tenant.lookups();
    const broken = brokenIds('5254962000000234569');
    const page = await extension.openFixture(`https://books.zoho.com/app/${ZOHO_ORGANIZATION}#/invoices`, {
      html: zohoInvoiceList([
        { id: first.recordId, number: payloads.img, customer: payloads.long },
        // Its own record's address after a script: read for its id, never followed.
        { id: second.recordId, number: payloads.bidi, customer: payloads.breakout, href: `${payloads.link}//#/invoices/${second.recordId}` },
        ...broken.map((id) => ({ id, number: payloads.breakout, customer: payloads.img })),
      ]),
    });
    const badge = (row: number) => page.locator('tbody > tr').nth(row).locator('[data-erp-sync-cell] .badge');
    // The 20,000-character customer widens the table: our column is drawn once scrolled to.
    await page.locator('tbody > tr').first().locator('[data-erp-sync-cell]').scrollIntoViewIfNeeded();
    await expect(badge(0)).toHaveAttribute('aria-label', `Synced with Procore ${payloads.img}`);
    await expect(badge(1)).toHaveAttribute('data-state', 'unknown');
    expect(await cellsPerRow(page, 'tbody > tr')).toEqual([1, 1, ...broken.map(() => 0)]);
    expect(askedSince(tenant, before)).toEqual(new Set([recordKey(first), recordKey(second)]));
    await badge(0).hover();
    await expect(page.getByRole('tooltip')).toContainText(payloads.img);
    await expectNoPayloadRan(page);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('Procore grid: markup in row ids, vendors and links shows as text; broken ids get no cell and are never sent', async ({ extension, tenant }) => {
    attack(
      'Procore grid (AG Grid): row ids, vendor names and links holding HTML and script, a javascript: link, row ids that fail the numeric format (markup, zero-width, right-to-left, fullwidth, 6,000 digits): nothing runs, broken ids get no cell and are never looked up',
    );
    const [linked, unlinked] = [directCost(0), directCost(1)];
    await tenant.report([{ ref: linked, state: 'failed', error: { code: 'vendor_not_mapped', message: payloads.img, hint: payloads.breakout } }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const before = tenant.lookups();
    const broken = brokenIds(directCost(2).recordId);
    const costs = [
      { id: linked.recordId, vendor: payloads.img },
      // Its link is a script: the row is known by its grid row id alone.
      { id: unlinked.recordId, vendor: payloads.bidi, link: payloads.link },
      ...broken.map((id) => ({ id, vendor: payloads.breakout })),
    ];
    const page = await extension.openFixture(`${TOOLS}/direct_costs`, { html: procoreGridPage(costs) });
    const badge = (id: string) => page.locator(`.ag-row[row-id="${id}"] [data-erp-sync-cell] .badge`);
    await expect(badge(linked.recordId)).toHaveAttribute('aria-label', `Sync failed: ${payloads.img}`);
    await expect(badge(unlinked.recordId)).toHaveAttribute('data-state', 'unknown');
    // Every cost has its row in the grid, its vendor as text; only the two good ids have a cell.
    await expect(page.locator('.ag-pinned-left-cols-container .ag-row')).toHaveCount(costs.length);
    await expect(page.locator('.ag-pinned-left-cols-container a', { hasText: payloads.img })).toHaveCount(1);
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(2);
    expect(askedSince(tenant, before)).toEqual(new Set([recordKey(linked), recordKey(unlinked)]));
    await badge(linked.recordId).hover();
    await expect(page.getByRole('tooltip')).toContainText(payloads.breakout);
    await expectNoPayloadRan(page);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
