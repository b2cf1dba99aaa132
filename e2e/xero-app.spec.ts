// The "ERP Synced" column on Xero's new Bills list, a single-page app: it renders after load,
// switches tabs with pushState, and reorders its rows when sorted. Each bill row shows its state,
// a row with no readable id and the Repeating tab's templates get no cell, and the column is there
// once or not at all.
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { expect, test } from './harness';
import type { TestTenant } from './service';

const BILLS = 'https://go.xero.com/app/!kh5BZ/bills/list';
const PROJECT = '598134325548164';

const bill = (recordId: string): RecordRef => ({ system: 'xero', recordType: 'bill', recordId });
const subcontractorInvoice = (recordId: string): RecordRef => ({
  system: 'procore',
  recordType: 'subcontractor_invoice',
  projectId: PROJECT,
  contractId: '598134325935052',
  recordId,
});

const ids = {
  boltSteel: '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f',
  acmeConcrete: '4d2a0e9f-6c3b-4d8e-8f1a-2b3c4d5e6f70',
  summitScaffolding: '5e3b1f0a-7d4c-4e9f-9a2b-3c4d5e6f7081',
  ridgelineElectrical: '6f4c2a1b-8e5d-4fa0-8b3c-4d5e6f708192',
  harbourCrane: '8b6e4c3d-a07f-41c2-8d5e-6f708192a3b4',
};

/** A bill's row, by its supplier. */
const row = (page: Page, supplier: string) => page.locator('tbody > tr', { has: page.getByText(supplier, { exact: true }) });
const badge = (page: Page, supplier: string) => row(page, supplier).locator(':scope > [data-erp-sync-cell] .badge');

/** How many of our cells each row of the list has, by supplier, in the order shown. */
function cellsPerRow(page: Page): Promise<[string, number][]> {
  return page
    .locator('tbody > tr')
    .evaluateAll((rows) =>
      rows.map((tr): [string, number] => [tr.children[1]?.textContent?.trim() ?? '', tr.querySelectorAll(':scope > [data-erp-sync-cell]').length]),
    );
}

/** The column is there once: one header cell, and exactly the expected cells per row. */
async function expectColumn(page: Page, expected: Record<string, number>) {
  await expect.poll(async () => Object.fromEntries(await cellsPerRow(page)), { intervals: [100] }).toEqual(expected);
  await expect(page.locator('[data-erp-sync-header]')).toHaveCount(Object.values(expected).some(Boolean) ? 1 : 0);
}

/** The statuses the integration reported: one bill in each state, and two it never reported. */
async function seed(tenant: TestTenant) {
  await tenant.report([
    { ref: bill(ids.boltSteel), state: 'synced', counterpart: { ref: subcontractorInvoice('598134325962303'), number: 'Req #3' } },
    {
      ref: bill(ids.acmeConcrete),
      state: 'not_synced',
      counterpart: { ref: subcontractorInvoice('598134325962304'), number: 'Req #4' },
      differences: [{ field: 'amount', label: 'Amount', here: '$12,400.00', there: '$12,040.00' }],
    },
    {
      ref: bill(ids.summitScaffolding),
      state: 'failed',
      error: {
        code: 'vendor_not_mapped',
        message: 'Summit Scaffolding has no Procore vendor.',
        hint: 'Map the supplier to a Procore vendor, then re-sync.',
        blockedBy: { kind: 'vendor', name: 'Summit Scaffolding' },
      },
    },
    { ref: bill(ids.ridgelineElectrical), state: 'not_synced' },
    { ref: bill(ids.harbourCrane), state: 'synced', counterpart: { ref: subcontractorInvoice('598134325962299'), number: 'Req #1' } },
  ]);
  await tenant.push([{ ref: bill(ids.ridgelineElectrical), idempotencyKey: `e2e-app-bills-${Date.now()}` }]);
}

const awaitingPayment = { 'Bolt Steel Fabricators': 1, 'Acme Concrete Pty Ltd': 1, 'Ridgeline Electrical Contractors': 1 };
const repeating = { 'Harbour Crane Hire': 0, 'Sitewise Security': 0, 'Onsite Amenities Hire': 0 };

test.describe('the ERP Synced column on the new Xero Bills list', () => {
  test("shows each bill's state once it renders, no cell where the id is unreadable, and keeps them through sorting", async ({ extension, tenant }) => {
    await seed(tenant);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(`${BILLS}/all`, 'xero/bills-list.html');
    const expectAllTab = async () => {
      await expect(badge(page, 'Bolt Steel Fabricators')).toHaveAttribute('data-state', 'synced');
      await expect(badge(page, 'Bolt Steel Fabricators')).toHaveAttribute('aria-label', 'Synced with Procore Req #3');
      await expect(badge(page, 'Acme Concrete Pty Ltd')).toHaveAttribute('data-state', 'not_synced');
      await expect(badge(page, 'Summit Scaffolding')).toHaveAttribute('data-state', 'failed');
      await expect(badge(page, 'Summit Scaffolding')).toHaveAttribute('aria-label', /has no Procore vendor/);
      await expect(badge(page, 'Ridgeline Electrical Contractors')).toHaveAttribute('data-state', 'pending');
      await expect(badge(page, 'Coastal Plumbing & Drainage')).toHaveAttribute('data-state', 'unknown');
      await expect(badge(page, 'Harbour Crane Hire')).toHaveAttribute('data-state', 'synced');
      await expect(badge(page, 'Precision Formwork')).toHaveAttribute('data-state', 'unknown');
      // The bill still being read from an email has no id yet: no cell, no guess.
      await expectColumn(page, {
        'Bolt Steel Fabricators': 1,
        'Acme Concrete Pty Ltd': 1,
        'Summit Scaffolding': 1,
        'Ridgeline Electrical Contractors': 1,
        'Coastal Plumbing & Drainage': 1,
        'Metro Waterproofing': 0,
        'Harbour Crane Hire': 1,
        'Precision Formwork': 1,
      });
    };
    await expect(page.locator('thead [data-erp-sync-header]')).toHaveText('ERP Synced');
    await expectAllTab();

    // Sorting reorders the same row elements; every cell stays with its bill.
    const suppliers = async () => (await cellsPerRow(page)).map(([supplier]) => supplier);
    const orderBefore = await suppliers();
    await page.getByRole('button', { name: 'Due', exact: true }).click();
    await expect.poll(suppliers).not.toEqual(orderBefore);
    await expectAllTab();
    await page.getByRole('button', { name: 'Due', exact: true }).click();
    await expect(page.locator('thead th[aria-sort="descending"]')).toHaveText('Due');
    await expectAllTab();
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('leaves on the Repeating tab and comes back once, through tabs, history and opening a bill', async ({ extension, tenant }) => {
    await seed(tenant);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(`${BILLS}/all`, 'xero/bills-list.html');
    await expect(badge(page, 'Bolt Steel Fabricators')).toHaveAttribute('data-state', 'synced');

    // A tab switch pushes a new address and mounts a new table after a loader.
    await page.getByRole('tab', { name: /Awaiting payment/ }).click();
    await expect(page).toHaveURL(`${BILLS}/awaiting-payment`);
    await expect(badge(page, 'Bolt Steel Fabricators')).toHaveAttribute('data-state', 'synced');
    await expect(badge(page, 'Acme Concrete Pty Ltd')).toHaveAttribute('data-state', 'not_synced');
    await expect(badge(page, 'Ridgeline Electrical Contractors')).toHaveAttribute('data-state', 'pending');
    await expectColumn(page, awaitingPayment);

    // Repeating templates are not bills: the column leaves.
    await page.getByRole('tab', { name: 'Repeating' }).click();
    await expect(page).toHaveURL(`${BILLS}/repeating`);
    await expect(page.getByText('Tower crane hire')).toBeVisible();
    await expectColumn(page, repeating);

    // ...and comes back, once, on the next list of bills.
    await page.getByRole('tab', { name: /Paid/ }).click();
    await expect(page).toHaveURL(`${BILLS}/paid`);
    await expect(badge(page, 'Harbour Crane Hire')).toHaveAttribute('data-state', 'synced');
    await expect(badge(page, 'Precision Formwork')).toHaveAttribute('data-state', 'unknown');
    await expectColumn(page, { 'Harbour Crane Hire': 1, 'Precision Formwork': 1 });

    // Back through history (popstate) keeps it right.
    await page.goBack();
    await expect(page).toHaveURL(`${BILLS}/repeating`);
    await expect(page.getByText('Tower crane hire')).toBeVisible();
    await expectColumn(page, repeating);
    await page.goBack();
    await expect(page).toHaveURL(`${BILLS}/awaiting-payment`);
    await expect(badge(page, 'Ridgeline Electrical Contractors')).toHaveAttribute('data-state', 'pending');
    await expectColumn(page, awaitingPayment);

    // A click on our cell stays with us; a click elsewhere on the row opens the bill, and the
    // column leaves with the list.
    await badge(page, 'Acme Concrete Pty Ltd').click();
    await expect(page).toHaveURL(`${BILLS}/awaiting-payment`);
    await row(page, 'Acme Concrete Pty Ltd').getByText('AC-20417 Slab pour L4').click();
    await expect(page).toHaveURL(`https://go.xero.com/app/!kh5BZ/bills/invoice?invoiceId=${ids.acmeConcrete}`);
    await expect(page.getByRole('heading', { name: 'Bill from Acme Concrete Pty Ltd' })).toBeVisible();
    await expect(page.locator('[data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);
    await page.goBack();
    await expect(badge(page, 'Acme Concrete Pty Ltd')).toHaveAttribute('data-state', 'not_synced');
    await expectColumn(page, awaitingPayment);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
