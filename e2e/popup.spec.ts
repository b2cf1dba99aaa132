// The toolbar popup on a real list and the real service: counts that match the page, a bulk
// re-sync that turns the crosses green through the sandbox integration, the CSV, and what it says
// on a page it does not decorate.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { expect, test } from './harness';
import { openPopup } from './popup';

const XERO_INVOICES = 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED';
const xeroInvoice = (recordId: string): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId });
const ownerInvoice = (recordId: string): RecordRef => ({ system: 'procore', recordType: 'owner_invoice', projectId: '598134325548164', recordId });
const ROWS = ['7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b', '8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c', '9b6d8c40-3e5f-4071-8c1d-2e3f4a5b6c7d', 'a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e', 'b18fae62-5071-4293-8e3f-4a5b6c7d8e9f'] as const;

const countOf = (popup: Page, label: string) => popup.locator('.counts div', { has: popup.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

test.describe('the toolbar popup', () => {
  test("counts the page's rows by state, re-syncs every not-synced row, and exports the page as CSV", async ({ extension, tenant, context }) => {
    await tenant.report([
      { ref: xeroInvoice(ROWS[0]), state: 'synced', counterpart: { ref: ownerInvoice('562950099171911'), number: 'PA-07' } },
      { ref: xeroInvoice(ROWS[1]), state: 'not_synced', counterpart: { ref: ownerInvoice('562950099171912'), number: 'PA-08' } },
      { ref: xeroInvoice(ROWS[2]), state: 'not_synced', counterpart: { ref: ownerInvoice('562950099171913'), number: 'PA-09' } },
      {
        ref: xeroInvoice(ROWS[3]),
        state: 'failed',
        error: { code: 'customer_not_mapped', message: 'The customer is not mapped to a Procore owner.', hint: 'Map the customer.', blockedBy: { kind: 'customer', name: 'Northside' } },
      },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const list = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await expect(list.locator('#row1 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'not_synced');

    const popup = await openPopup(context, list, extension.id);
    await expect(popup.getByText('Harbour View Builders (test), as “Test bookkeeper”')).toBeVisible();
    await expect(popup.getByRole('heading', { name: 'Invoices' })).toBeVisible();
    await expect(countOf(popup, 'Synced')).toHaveText('1');
    await expect(countOf(popup, 'Not synced')).toHaveText('2');
    await expect(countOf(popup, 'Failed')).toHaveText('1');
    await expect(countOf(popup, 'Unknown')).toHaveText('1');
    // The failed one first, with its reason.
    await expect(popup.getByRole('region', { name: 'Needs action' }).getByRole('listitem').first()).toContainText('failed: The customer is not mapped');

    // The CSV has one line per row of the page, in the page's states.
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"Record","Number","State","Counterpart","Last synced","Error"');
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes(ROWS[3]))).toContain('"failed"');
    expect(lines.find((line) => line.includes(ROWS[0]))).toContain('"Procore PA-07"');

    // Re-sync all: it says how many first, then the crosses go green.
    tenant.runIntegration();
    await popup.getByRole('button', { name: 'Re-sync all not-synced rows on this page' }).click();
    const confirm = popup.getByRole('alertdialog', { name: 'Confirm re-sync' });
    await expect(confirm).toContainText('Re-sync 3 rows to the other system?');
    await confirm.getByRole('button', { name: 'Re-sync 3' }).click();
    await expect(popup.getByRole('status')).toContainText('Queued 3.');
    await expect(list.locator('#row1 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await expect(list.locator('#row2 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });

    await expect(countOf(popup, 'Synced')).toHaveText('3', { timeout: 5_000 });
    await expect(popup.getByRole('status')).toContainText('All finished.', { timeout: 15_000 });
    // The side panel opens on the list's tab from the popup, which then closes.
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Errors and sync by URL' }).click();
    await expect.poll(() => extension.openSidePanels()).toBe(1);
    await closed;
    expect(extension.ourErrors(list)).toEqual([]);
  });

  test('on a page it does not decorate, says which pages it works on', async ({ extension, tenant, context }) => {
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const other = await extension.openFixture('https://example.com/', { html: '<title>Elsewhere</title><p>Not a list</p>' });
    const popup = await openPopup(context, other, extension.id);
    await expect(popup.getByText('This page is not one the inspector decorates')).toBeVisible();
    await expect(popup.getByRole('listitem').filter({ hasText: 'Xero: Invoices, Bills, Account Transactions' })).toBeVisible();
  });
});
