// The extension runs in every supported host family, talks to its background, and stays out of
// every other page.
import { expect, test } from './harness';
import { serveProcoreAssets } from './procore';

const marker = 'data-erp-sync-inspector';

const supportedPages = [
  {
    name: 'Procore, new URL style (Invoicing)',
    url: 'https://app.procore.com/webclients/host/companies/598134325511640/projects/598134325548164/tools/invoicing',
    fixture: 'procore/invoicing.html',
  },
  {
    name: 'Procore, legacy URL style on a regional host (Direct Costs)',
    url: 'https://us02.procore.com/598134325548164/project/direct_costs',
    fixture: 'procore/direct-costs-legacy.html',
  },
  {
    name: 'Xero classic invoices',
    url: 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED',
    fixture: 'xero/invoices-classic.html',
  },
  {
    name: 'Xero new Bills list (single-page app)',
    url: 'https://go.xero.com/app/!kh5BZ/bills/list/awaiting-payment',
    fixture: 'xero/bills-list.html',
  },
  {
    name: 'Xero Account Transactions report',
    url: 'https://reporting.xero.com/!kh5BZ/v2/Run/New/1009',
    fixture: 'xero/account-transactions.html',
  },
  {
    name: 'Zoho Books on .com',
    url: 'https://books.zoho.com/app/60012345678#/invoices',
    fixture: 'zoho/books.html',
  },
  {
    name: 'Zoho Books on the EU data centre',
    url: 'https://books.zoho.eu/app/20087654321#/invoices?filter_by=Status.All&per_page=25',
    fixture: 'zoho/books.html',
  },
];

for (const { name, url, fixture } of supportedPages) {
  test(`injects and reaches the background on ${name}`, async ({ extension }) => {
    const { origin } = new URL(url);
    if (origin.endsWith('.procore.com')) await serveProcoreAssets(extension, origin, '35.3.1');
    const page = await extension.openFixture(url, fixture);
    // "ready" is set only after the background answered over the message protocol.
    await expect(page.locator('xpath=/html')).toHaveAttribute(marker, 'ready');
    expect(extension.ourErrors(page)).toEqual([]);
  });
}

test('stays out of unrelated and look-alike origins', async ({ extension }) => {
  const unrelated = await extension.openFixture('https://example.com/invoices', 'unrelated.html');
  const lookalike = await extension.openFixture(
    'https://app.procore.com.example.net/598134325548164/project/direct_costs',
    'procore/direct-costs-legacy.html',
  );
  // A supported page opened after them proves the extension is live and has had its chance to inject.
  const supported = await extension.openFixture(
    'https://us02.procore.com/598134325548164/project/direct_costs',
    'procore/direct-costs-legacy.html',
  );
  await expect(supported.locator('xpath=/html')).toHaveAttribute(marker, 'ready');
  await expect(unrelated.locator('xpath=/html')).not.toHaveAttribute(marker, /.*/);
  await expect(lookalike.locator('xpath=/html')).not.toHaveAttribute(marker, /.*/);
});
