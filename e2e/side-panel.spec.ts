// The side panel against the real service: the account's errors grouped with what they depend
// on, and a record found by its pasted address and pushed from there; a list's address refused.
import type { RecordRef } from '../lib/contract/records';
import { expect, test } from './harness';
import { PROJECT } from './procore';

const cost = (id: string): RecordRef => ({ system: 'procore', recordType: 'direct_cost', projectId: PROJECT, recordId: id, host: 'us02.procore.com' });
const vendorMissing = {
  code: 'vendor_not_mapped',
  message: 'Bolt Steel Fabricators has no Xero contact.',
  hint: 'Map the vendor to a Xero contact, then re-sync.',
  blockedBy: { kind: 'vendor', name: 'Bolt Steel Fabricators' },
};

test.describe('the side panel', () => {
  test('groups the errors of the account with what they depend on, each record linked', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: cost('598134332797815'), state: 'failed', error: vendorMissing },
      { ref: cost('598134332797816'), state: 'failed', error: vendorMissing },
      { ref: cost('598134332797817'), state: 'synced' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const panel = await extension.openExtensionPage('sidepanel.html');
    const group = panel.getByRole('article', { name: 'Procore direct cost: vendor_not_mapped' });
    await expect(group).toContainText('Bolt Steel Fabricators has no Xero contact.');
    await expect(group.locator('.count')).toHaveText('2');
    await expect(group).toContainText('Map the vendor to a Xero contact');
    await expect(group.getByRole('link')).toHaveCount(2);
    await expect(group.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/us02\.procore\.com\/598134325548164\/project\/direct_costs\/59813433279781[56]$/);

    // Each record's details (state, history, actions) open in the panel itself.
    await group.getByRole('button', { name: 'Details of 598134332797816' }).click();
    const found = panel.getByRole('status', { name: 'Record' });
    await expect(found).toContainText('Procore direct cost 598134332797816');
    await expect(found).toContainText('Sync failed: Bolt Steel Fabricators has no Xero contact.');
    await expect(panel.getByRole('region', { name: 'History' })).toContainText('Bolt Steel Fabricators has no Xero contact.');
    expect(extension.ourErrors(panel)).toEqual([]);
  });

  test('finds a record by its address and pushes it; refuses a list page with why', async ({ extension, tenant }) => {
    await tenant.report([
      { ref: cost('598134332797818'), state: 'not_synced' },
      // Another cost of the project already linked: the integration knows where the project's costs go.
      { ref: cost('598134332797819'), state: 'synced', counterpart: { ref: { system: 'xero', recordType: 'bill', recordId: '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f', shortCode: '!kh5BZ' } } },
    ]);
    tenant.runIntegration();
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const panel = await extension.openExtensionPage('sidepanel.html');
    const address = panel.getByLabel('Record address');

    await address.fill(`https://us02.procore.com/${PROJECT}/project/direct_costs`);
    await panel.getByRole('button', { name: 'Find' }).click();
    await expect(panel.getByRole('alert')).toContainText(/list/i);

    await address.fill(`https://us02.procore.com/${PROJECT}/project/direct_costs/598134332797818/edit`);
    await panel.getByRole('button', { name: 'Find' }).click();
    const found = panel.getByRole('status');
    await expect(found).toContainText('Procore direct cost 598134332797818');
    await expect(found).toContainText('Not synced');
    await found.getByRole('button', { name: 'Push now' }).click();
    await expect(found).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await expect(found.getByRole('button', { name: 'Push now' })).toHaveCount(0);
    expect((await tenant.jobsOf(cost('598134332797818'))).map((job) => job.state)).toEqual(['succeeded']);

    // Locked and unlocked from here too (unlocking asks, with an optional reason).
    await found.getByRole('button', { name: 'Lock' }).click();
    await expect(found).toContainText('Locked by Test bookkeeper');
    panel.once('dialog', (dialog) => void dialog.accept('Retention corrected'));
    await found.getByRole('button', { name: 'Unlock' }).click();
    await expect(found.getByRole('button', { name: 'Lock' })).toBeVisible();
    await expect(found).not.toContainText('Locked by');

    // Its history, newest first, and this browser's own log of the push, searchable.
    const history = panel.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Unlocked');
    await expect(history).toContainText(/Pushed to Xero as BILL-\d+ \(Sandbox integration\)/);
    await expect(history.getByRole('listitem')).not.toHaveCount(0);
    const log = panel.getByRole('region', { name: "This browser's actions" });
    await expect(log.getByRole('listitem').first()).toContainText('unlock procore/direct_cost/598134325548164/598134332797818: done', { timeout: 10_000 });
    await expect(log).toContainText('push procore/direct_cost/598134325548164/598134332797818: succeeded');
    await log.getByLabel('Search').fill('nothing like this');
    await expect(log).toContainText('Nothing matches.');
    await log.getByLabel('Search').fill('unlock');
    await expect(log.getByRole('listitem').first()).toContainText('unlock procore/direct_cost');
    await log.getByLabel('Search').fill('598134332797818');
    await expect(log.getByRole('listitem')).not.toHaveCount(0);
  });

  test("opens on a row's record from its cell, with its history and its actions", async ({ extension, tenant }) => {
    const invoice: RecordRef = { system: 'xero', recordType: 'invoice', recordId: '8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c' };
    await tenant.report([
      {
        ref: invoice,
        state: 'not_synced',
        counterpart: { ref: { system: 'procore', recordType: 'owner_invoice', projectId: PROJECT, recordId: '562950099171912' }, number: 'PA-08' },
        differences: [{ field: 'total', label: 'Total', here: '12,400.00', there: '12,040.00' }],
      },
      { ref: { ...invoice, recordId: '9b6d8c40-3e5f-4071-8c1d-2e3f4a5b6c7d' }, state: 'synced', number: 'INV-0203' },
    ]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const list = await extension.openFixture('https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED', 'xero/invoices-classic.html');
    const badge = list.locator('#row1 > [data-erp-sync-cell] .badge');
    await expect(badge).toHaveAttribute('data-state', 'not_synced');
    await badge.hover();
    await expect(list.getByRole('tooltip')).toContainText('Click for its history in the side panel.');

    // Chrome opens its real side panel within the click (Playwright does not list side panels as pages).
    await badge.click();
    await expect.poll(() => extension.openSidePanels()).toBe(1);

    // The panel's page shows the record chosen (a second copy of it, in a tab, to look inside).
    const panel = await extension.openExtensionPage('sidepanel.html');
    const found = panel.getByRole('status', { name: 'Record' });
    await expect(found).toContainText('Xero invoice');
    await expect(found).toContainText('total differ from Procore PA-08');
    await expect(found).toContainText('Total: 12,400.00 here, 12,040.00 in Procore');
    await expect(panel.getByRole('region', { name: 'History' }).getByRole('listitem')).not.toHaveCount(0);
    await expect(found.getByRole('button', { name: 'Push now' })).toBeVisible();

    // Another row chosen while the panel is open: the panel follows.
    await list.bringToFront();
    await list.locator('#row2 > [data-erp-sync-cell] .badge').click();
    await expect(found).toContainText('INV-0203');
    await expect(found).toHaveAttribute('data-state', 'synced');
    expect(extension.ourErrors(list)).toEqual([]);
    expect(extension.ourErrors(panel)).toEqual([]);
  });
});
