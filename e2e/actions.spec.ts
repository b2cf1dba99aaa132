// Row actions against the real service and its sandbox integration: re-sync from a red cross to a
// green tick, a push that fails with its reason, lock and unlock, the view arrow of every record
// type, a push that outlives the service worker, two tabs that agree, and what a cell says when
// the service refuses. What it says when the service fails is in faults-service.spec.ts.
import type { RecordRef } from '../lib/contract/records';
import type { Page } from '@playwright/test';
import { rowsShown } from './column';
import { expect, fault, test } from './harness';
import { PROJECT, serveProcoreAssets, TOOLS } from './procore';
import { stopServiceWorker } from './service-worker';
import { badgeOf, cellOf, openXeroList, ownerInvoice, ROW, XERO_INVOICES, xeroInvoice, xeroList } from './xero';

/** Each row of the fixture, in order, once the not-synced one was pushed: one cell, in the state the service holds. */
const AFTER_THE_PUSH = ['synced', 'synced', 'failed', 'unknown', 'unknown'].map((state) => ({ cells: 1, state }));
const cellsAndStates = async (page: Page) => (await rowsShown(page)).map(({ cells, state }) => ({ cells, state }));

test.describe('row actions', () => {
  test('re-sync turns a red cross green; a blocked push fails again with its reason; no re-sync where it makes no sense', async ({ extension, tenant }) => {
    await tenant.report(xeroList);
    tenant.runIntegration();
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await openXeroList(extension);

    await expect(cellOf(page, ROW.synced).getByRole('button', { name: /Re-sync/ })).toHaveCount(0);
    await cellOf(page, ROW.notSynced).getByRole('button', { name: 'Re-sync to Procore' }).click();
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'pending');
    await expect(cellOf(page, ROW.notSynced).getByRole('button', { name: /Re-sync/ })).toHaveCount(0);
    // It reached the service, once, and nothing was refused.
    await expect.poll(async () => (await tenant.jobsOf(xeroInvoice(ROW.notSynced))).length).toBe(1);
    await expect(cellOf(page, ROW.notSynced).locator('.problem')).toHaveCount(0);
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('aria-label', 'Synced with Procore PA-08');

    await cellOf(page, ROW.blocked).getByRole('button', { name: 'Re-sync to Procore' }).click();
    await expect(badgeOf(page, ROW.blocked)).toHaveAttribute('data-state', 'pending');
    // The integration really tried, and failed for the same reason.
    await expect.poll(async () => (await tenant.jobsOf(xeroInvoice(ROW.blocked))).map((job) => job.state), { timeout: 15_000 }).toEqual(['failed']);
    await expect(badgeOf(page, ROW.blocked)).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
    await expect(badgeOf(page, ROW.blocked)).toHaveAttribute('aria-label', /not mapped to a Procore owner/);
    // A click on our buttons never reaches the host's row (which would open the invoice).
    await expect(page).toHaveURL(XERO_INVOICES);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('a push survives the service worker being stopped in the middle of it', async ({ extension, tenant, context }) => {
    fault('the service worker stopped during a push');
    await tenant.report(xeroList);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await openXeroList(extension);
    await cellOf(page, ROW.notSynced).getByRole('button', { name: 'Re-sync to Procore' }).click();
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'pending');
    // The push is queued; the integration is not running yet, so it cannot end before the stop.
    await expect.poll(async () => (await tenant.jobsOf(xeroInvoice(ROW.notSynced))).length).toBe(1);

    // The page's update port closed with the worker; opening it again starts a new worker, which
    // picks the open push up from its database.
    const stopped = await stopServiceWorker(context, extension);
    await stopped.restarted();
    tenant.runIntegration();
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    // The new worker itself followed it to its end (not only the change feed): its database says so.
    await expect.poll(async () => (await extension.stored<{ state: string }>('pushes')).map((push) => push.state)).toEqual(['succeeded']);
    expect((await tenant.jobsOf(xeroInvoice(ROW.notSynced))).map((job) => job.state)).toEqual(['succeeded']);
    await expect.poll(() => cellsAndStates(page)).toEqual(AFTER_THE_PUSH);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('two tabs on the same list agree: a push from one turns both green', async ({ extension, tenant }) => {
    fault('two tabs on the same list');
    await tenant.report(xeroList);
    tenant.runIntegration();
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const first = await openXeroList(extension);
    const second = await openXeroList(extension);
    await first.bringToFront();
    await cellOf(first, ROW.notSynced).getByRole('button', { name: 'Re-sync to Procore' }).click();
    await expect(badgeOf(second, ROW.notSynced)).toHaveAttribute('data-state', 'pending', { timeout: 5_000 });
    await expect(badgeOf(first, ROW.notSynced)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await expect(badgeOf(second, ROW.notSynced)).toHaveAttribute('data-state', 'synced', { timeout: 5_000 });
    // One push reached the service, and both tabs show every row as it holds it, once.
    expect((await tenant.jobsOf(xeroInvoice(ROW.notSynced))).map((job) => job.state)).toEqual(['succeeded']);
    for (const page of [first, second]) {
      await expect.poll(() => cellsAndStates(page)).toEqual(AFTER_THE_PUSH);
      expect(extension.ourErrors(page)).toEqual([]);
    }
  });

  test('lock and unlock a Procore invoice, with a reason, from its row', async ({ extension, tenant }) => {
    await tenant.report([{ ref: ownerInvoice(0), state: 'synced', counterpart: { ref: xeroInvoice(ROW.synced), number: 'INV-0041' } }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const page = await extension.openFixture(`${TOOLS}/invoicing`, 'procore/invoicing.html');
    const cell = page.locator(`.ag-row[row-id="${ownerInvoice(0).recordId}"] [data-erp-sync-cell]`);
    await expect(cell.locator('.badge')).toHaveAttribute('data-state', 'synced');

    await cell.getByRole('button', { name: 'Lock against edits in Procore' }).click();
    const unlock = cell.getByRole('button', { name: 'Unlock: allow edits in Procore again' });
    await expect(unlock).toHaveAttribute('aria-pressed', 'true');
    await cell.locator('.badge').hover();
    await expect(cell.getByRole('tooltip')).toContainText('Locked by Test bookkeeper');

    // On the invoice's own page: a banner, and its edit and delete controls do nothing.
    const recordUrl = `https://app.procore.com/${PROJECT}/project/prime_contracts/562949953443325/payment_applications/${ownerInvoice(0).recordId}`;
    await extension.serve(`${recordUrl}/edit`, 'procore/record-page.html');
    const record = await extension.openFixture(recordUrl, 'procore/record-page.html');
    const banner = record.getByRole('status');
    await expect(banner).toContainText('This record is locked in the books.');
    await expect(banner).toContainText('Locked by Test bookkeeper');
    await expect(record.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await expect(record.getByRole('link', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    const editRequests: string[] = [];
    record.on('request', (request) => request.url().endsWith('/edit') && editRequests.push(request.url()));
    await record.getByRole('link', { name: 'Edit' }).click({ force: true });
    await record.waitForTimeout(300);
    expect(editRequests).toEqual([]);
    await expect(record).toHaveURL(recordUrl);
    // The edit page, reached another way, cannot save.
    const editPage = await extension.openFixture(`${recordUrl}/edit`, 'procore/record-page.html');
    await expect(editPage.getByRole('status')).toContainText('locked in the books');
    await expect(editPage.getByLabel('Amount')).toBeDisabled();
    await expect(editPage.getByRole('button', { name: 'Save' })).toBeDisabled();
    await editPage.close();

    await page.bringToFront();
    await unlock.click();
    const confirm = cell.getByRole('form', { name: 'Unlock this record' });
    await expect(confirm).toBeVisible();
    await confirm.getByLabel('Reason (optional)').fill('Retention figure corrected');
    await confirm.getByRole('button', { name: 'Unlock' }).click();
    await expect(cell.getByRole('button', { name: 'Lock against edits in Procore' })).toBeVisible();
    // The record's page, still open, hears of it: the banner goes and its controls work again.
    await expect(banner).toHaveCount(0, { timeout: 5_000 });
    await expect(record.getByRole('button', { name: 'Delete' })).toBeEnabled();
    await record.getByRole('button', { name: 'Delete' }).click();
    await expect(record.locator('#deleted')).toBeVisible();
    expect(extension.ourErrors(page)).toEqual([]);
    expect(extension.ourErrors(record)).toEqual([]);
  });

  test('the view arrow opens the counterpart of every record type in its own system', async ({ extension, tenant, context }) => {
    const xero = (recordType: 'invoice' | 'bill', id: string, shortCode?: string): RecordRef => ({ system: 'xero', recordType, recordId: id, shortCode });
    const zoho = (recordType: 'invoice' | 'bill', id: string, host?: string): RecordRef => ({ system: 'zoho_books', recordType, organizationId: '60012345678', recordId: id, host });
    const costs = ['598134332797815', '598134332797816', '598134332797817', '598134332797818', '598134332797819', '598134332797820'];
    const cost = (id: string): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: PROJECT, recordId: id });
    const guid = '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f';
    // Procore costs linked to each kind of accounting record; Xero invoices linked to each kind of Procore record.
    const expected: [RecordRef, RecordRef, string][] = [
      [cost(costs[0] as string), xero('bill', guid, '!kh5BZ'), `https://go.xero.com/organisationlogin/default.aspx?shortcode=!kh5BZ&redirecturl=/AccountsPayable/Edit.aspx?InvoiceID=${guid}`],
      [cost(costs[1] as string), xero('invoice', guid, '!kh5BZ'), `https://go.xero.com/app/!kh5BZ/invoicing/view/${guid}`],
      [cost(costs[2] as string), zoho('bill', '5254962000000345671', 'books.zoho.eu'), 'https://books.zoho.eu/app/60012345678#/bills/5254962000000345671'],
      [cost(costs[3] as string), zoho('invoice', '5254962000000234567'), 'https://books.zoho.com/app/60012345678#/invoices/5254962000000234567'],
      [
        cost(costs[4] as string),
        { system: 'xero', recordType: 'spend_money', recordId: guid, shortCode: '!kh5BZ' },
        `https://go.xero.com/organisationlogin/default.aspx?shortcode=!kh5BZ&redirecturl=/Bank/ViewTransaction.aspx?bankTransactionID=${guid}`,
      ],
      [cost(costs[5] as string), { system: 'xero', recordType: 'credit_note', recordId: guid }, `https://go.xero.com/AccountsPayable/ViewCreditNote.aspx?creditNoteID=${guid}`],
      [xeroInvoice(ROW.synced), ownerInvoice(0), `https://app.procore.com/${PROJECT}/project/prime_contracts/562949953443325/payment_applications/${ownerInvoice(0).recordId}`],
      [
        xeroInvoice(ROW.notSynced),
        { system: 'procore', recordType: 'subcontractor_invoice', companyId: '598134325511640', projectId: PROJECT, contractId: '598134325935052', recordId: '598134325962303', host: 'us02.procore.com' },
        `https://us02.procore.com/webclients/host/companies/598134325511640/projects/${PROJECT}/tools/invoicing/requisitions/598134325935052/598134325962303`,
      ],
      [xeroInvoice(ROW.blocked), cost('598134332797899'), `https://app.procore.com/${PROJECT}/project/direct_costs/598134332797899`],
    ];
    await tenant.report(expected.map(([ref, counterpart]) => ({ ref, state: 'synced' as const, counterpart: { ref: counterpart, number: 'N-1' } })));
    // The service's own address for a counterpart wins over the one built from its reference.
    await tenant.report([{ ref: xeroInvoice('a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e'), state: 'synced', counterpart: { ref: ownerInvoice(5), number: 'PA-12', url: 'https://us02.procore.com/given/by/the/service' } }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);

    const procore = await extension.openFixture(`https://us02.procore.com/${PROJECT}/project/direct_costs/summary/index?page=1&per_page=25`, 'procore/direct-costs-legacy.html');
    for (const [ref, , url] of expected.slice(0, 6)) {
      const row = procore.locator('table.item-list tbody tr', { has: procore.locator(`a[href$="/direct_costs/${ref.recordId}"]`) });
      await expect(row.locator('[data-erp-sync-cell] a[aria-label^="Open"]')).toHaveAttribute('href', url);
    }
    const xeroPage = await openXeroList(extension, ROW.synced, 'synced');
    for (const [ref, , url] of expected.slice(6)) await expect(cellOf(xeroPage, ref.recordId).locator('a[aria-label^="Open"]')).toHaveAttribute('href', url);
    const given = cellOf(xeroPage, 'a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e').getByRole('link', { name: 'Open PA-12 in Procore' });
    await expect(given).toHaveAttribute('href', 'https://us02.procore.com/given/by/the/service');

    // It opens in a new tab, and leaves the list where it was.
    await extension.serve(expected[6]?.[2] as string, { html: '<title>Payment application | Procore</title>' });
    const opened = context.waitForEvent('page');
    await cellOf(xeroPage, ROW.synced).getByRole('link', { name: 'Open N-1 in Procore' }).click();
    expect((await opened).url()).toBe(expected[6]?.[2]);
    await expect(xeroPage).toHaveURL(XERO_INVOICES);
  });
});

test.describe('what a cell says when the service refuses', () => {
  test('token rejected, scope missing, and a record locked meanwhile shown locked with no push made', async ({ extension, tenant }) => {
    await extension.signIn(tenant.serviceUrl, 'not-a-real-token-000000000000000000');
    let page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await badgeOf(page, ROW.synced).hover();
    await expect(cellOf(page, ROW.synced).getByRole('tooltip')).toContainText('rejected your token');
    await page.close();

    await extension.signIn(tenant.serviceUrl, await tenant.tokenWith(['push']));
    page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await badgeOf(page, ROW.synced).hover();
    await expect(cellOf(page, ROW.synced).getByRole('tooltip')).toContainText('Your token may not do this');
    await page.close();

    // Someone else locks a Procore invoice while this page still offers to push it: the refusal is
    // said on the cell, which shows the record as it is.
    await tenant.report([{ ref: ownerInvoice(0), state: 'not_synced' }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    page = await extension.openFixture(`${TOOLS}/invoicing`, 'procore/invoicing.html');
    const cell = page.locator(`.ag-row[row-id="${ownerInvoice(0).recordId}"] [data-erp-sync-cell]`);
    const resync = cell.getByRole('button', { name: 'Re-sync to the accounting system' });
    await expect(resync).toBeVisible();
    const locked = await fetch(`${tenant.serviceUrl}/v1/records/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: ownerInvoice(0), reason: 'Month end' }),
    });
    expect(locked.ok).toBe(true);
    // The change feed may tell the page first (then the button goes); if not, the push is refused.
    await resync.click({ timeout: 1_000 }).catch(() => undefined);
    await expect(cell.getByRole('button', { name: 'Unlock: allow edits in Procore again' })).toBeVisible({ timeout: 5_000 });
    await expect(resync).toHaveCount(0);
    await cell.locator('.badge').hover();
    await expect(cell.getByRole('tooltip')).toContainText(/Locked by Test bookkeeper.*Month end/);
    expect(await tenant.jobsOf(ownerInvoice(0))).toEqual([]);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
