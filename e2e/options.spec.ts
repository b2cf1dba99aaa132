// Signing in from the options page against the real service: a good token, a bad one, an
// unreachable address, something that is not a sync-status service, input that cannot be right,
// and signing out, which takes the statuses off the open lists.
import { createServer } from 'node:http';
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { expect, test } from './harness';

const XERO_INVOICES = 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED';
const synced: RecordRef = { system: 'xero', recordType: 'invoice', recordId: '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b' };

async function fillIn(options: Page, serviceUrl: string, token: string) {
  await options.getByLabel('Service URL').fill(serviceUrl);
  await options.getByLabel('API token').fill(token);
}

test.describe('the options page', () => {
  test('signs in with a good token, shows who and what it may do, and the lists show statuses', async ({ extension, tenant }) => {
    await tenant.report([{ ref: synced, state: 'synced' }]);
    const options = await extension.openExtensionPage('options.html');
    await fillIn(options, tenant.serviceUrl, tenant.token);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('status')).toContainText('This works. Connected to Harbour View Builders (test)');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status')).toContainText('Saved. Connected to Harbour View Builders (test) as “Test bookkeeper”');
    await expect(options.getByRole('status')).toContainText('This token may: see statuses, re-sync, lock and unlock.');

    const list = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await expect(list.locator('#row0 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced');

    // The saved address is shown again; the token never is.
    await options.reload();
    await expect(options.getByLabel('Service URL')).toHaveValue(tenant.serviceUrl);
    await expect(options.getByLabel('API token')).toHaveValue('');

    // Signing out forgets the token and the statuses: the open list stops showing them at once.
    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.getByRole('status')).toContainText('Signed out');
    await expect(list.locator('[data-erp-sync-cell] .badge')).toHaveCount(0);
    await expect(list.locator('thead [data-erp-sync-header]').getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(extension.ourErrors(options)).toEqual([]);
  });

  test('says plainly what is wrong: a rejected token, an unreachable address, not a sync-status service', async ({ extension, tenant }) => {
    const options = await extension.openExtensionPage('options.html');
    const testWith = async (serviceUrl: string, token: string, said: RegExp) => {
      await fillIn(options, serviceUrl, token);
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect(options.getByRole('alert')).toContainText(said);
    };
    await testWith(tenant.serviceUrl, 'sst_not_a_real_token_000000', /rejected this token/);
    await testWith('http://127.0.0.1:9', tenant.token, /Could not reach http:\/\/127\.0\.0\.1:9/);

    // A web server that lets the extension ask it (CORS), but is not a sync-status service.
    const website = createServer((request, response) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Authorization, Content-Type' };
      if (request.method === 'OPTIONS') response.writeHead(204, cors).end();
      else response.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<h1>Our intranet</h1>');
    });
    await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
    const { port } = website.address() as { port: number };
    await testWith(`http://127.0.0.1:${port}`, tenant.token, /answered, but not as a sync-status service does/);
    website.close();

    // A token lacking "read" works, but is said to show nothing.
    await fillIn(options, tenant.serviceUrl, await tenant.tokenWith(['push']));
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert').or(options.getByRole('status'))).toContainText(/read/);
  });

  test('a site or one of its lists switched off is left exactly as it is, at once, and comes back when switched on', async ({ extension, tenant }) => {
    await tenant.report([{ ref: synced, state: 'synced' }]);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const list = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await expect(list.locator('#row0 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced');

    const options = await extension.openExtensionPage('options.html');
    const xero = options.getByRole('group', { name: 'Show sync status on' }).getByLabel('Xero');
    await expect(xero).toBeChecked();
    await xero.uncheck();
    await expect(list.locator('[data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);
    const zoho = await extension.openFixture('https://books.zoho.com/app/60012345678#/invoices', 'zoho/books.html');
    await expect(zoho.locator('[data-erp-sync-header]')).toHaveCount(1); // other sites are unaffected
    const another = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
    await expect(another.locator('html')).toHaveAttribute('data-erp-sync-inspector', 'ready');
    await expect(another.locator('[data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);

    const xeroInvoices = options.getByRole('listitem').filter({ hasText: 'Xero' }).getByLabel('Invoices');
    await expect(xeroInvoices).toBeDisabled(); // a list's switch waits for its site's
    await options.bringToFront();
    await xero.check();
    await expect(list.locator('#row0 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced');

    // One list of a site switched off: that list alone is left as it is.
    await xeroInvoices.uncheck();
    await expect(list.locator('[data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);
    const bills = await extension.openFixture('https://go.xero.com/AccountsPayable/Search.aspx?PageSize=5', 'xero/bills-classic.html');
    await expect(bills.locator('[data-erp-sync-header]')).toHaveCount(1);
    await options.bringToFront();
    await xeroInvoices.check();
    await expect(list.locator('#row0 > [data-erp-sync-cell] .badge')).toHaveAttribute('data-state', 'synced');
    expect(extension.ourErrors(list)).toEqual([]);
  });

  test('refuses input that cannot be right, on the field, and saves nothing', async ({ extension }) => {
    const options = await extension.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByLabel('Service URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(options.getByText('Enter the address of your sync-status service')).toBeVisible();
    await expect(options.getByText('Paste the API token your administrator gave you')).toBeVisible();

    await fillIn(options, 'http://sync.example.com', 'sst_0123456789abcdef');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText('The address must start with https://')).toBeVisible();
    await options.reload();
    await expect(options.getByLabel('Service URL')).toHaveValue('');
    expect(extension.ourErrors(options)).toEqual([]);
  });
});
