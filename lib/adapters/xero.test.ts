import { describe, expect, it } from 'vitest';
import { listPageOf, tableRows } from './testing';
import { xero } from './xero';

const id = '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

const page = (url: string) => listPageOf(xero, url);


describe('Xero list pages', () => {
  it.each([
    ['https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED', 'xero_invoices'],
    ['https://go.xero.com/AccountsPayable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED&page=2&PageSize=200', 'xero_bills'],
    ['https://reporting.xero.com/!kh5BZ/v2/Run/New/1009', 'xero_account_transactions'],
  ])('%s is the %s list', (url, kind) => {
    expect(xero.listPage(new URL(url))?.kind).toBe(kind);
  });

  it('keeps the organisation short code the report shows', () => {
    expect(page('https://reporting.xero.com/!kh5BZ/v2/Run/New/1009').scope).toEqual({ shortCode: '!kh5BZ' });
  });

  it.each(['https://go.xero.com/Dashboard/', `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${id}`, 'https://reporting.xero.com/!kh5BZ/v2/Run/New/1001'])(
    '%s is not a list we decorate',
    (url) => {
      expect(xero.listPage(new URL(url))).toBeNull();
    },
  );
});

describe('Xero classic rows', () => {
  const invoices = page('https://go.xero.com/AccountsReceivable/Search.aspx');
  const classicRow = (rowId: string, type: string, linkId = rowId) => `<table class="standard"><tbody>
    <tr id="row0" data-id="${rowId}"><td><input type="checkbox" class="js-documentSelect" name="selectedInvoices" value="${rowId}">
      <input type="hidden" id="invoiceType_${rowId}" value="${type}"></td>
      <td class="from"><a class="nav" href="View.aspx?InvoiceID=${linkId}">INV-0041</a></td></tr></tbody></table>`;

  it('reads the InvoiceID and its type', () => {
    const [row] = tableRows(classicRow(id.toUpperCase(), 'INVOICETYPE/ACCREC'));
    expect(xero.recordOfRow(row as Element, invoices)).toEqual({ system: 'xero', recordType: 'invoice', recordId: id, shortCode: undefined });
  });

  it('refuses a row whose type or link contradicts it, or whose id is not a GUID', () => {
    const wrongType = tableRows(classicRow(id, 'INVOICETYPE/ACCPAY'))[0] as Element;
    const wrongLink = tableRows(classicRow(id, 'INVOICETYPE/ACCREC', '00000000-0000-4000-8000-000000000000'))[0] as Element;
    const notGuid = tableRows('<table><tbody><tr data-id="<b>1</b>"><td>x</td></tr></tbody></table>')[0] as Element;
    for (const row of [wrongType, wrongLink, notGuid]) expect(xero.recordOfRow(row, invoices)).toBeNull();
  });
});

describe('Xero Account Transactions rows', () => {
  const report = page('https://reporting.xero.com/!kh5BZ/v2/Run/New/1009');
  const rows = tableRows(`<table><thead><tr><th>Date</th><th>Source</th><th>Description</th></tr></thead><tbody>
    <tr class="section"><td colspan="3">Job Materials (510)</td></tr>
    <tr><td>02 Oct</td><td>Spend Money</td><td><a href="https://go.xero.com/Bank/ViewTransaction.aspx?bankTransactionID=${id}&accountID=x">Rebar</a></td></tr>
    <tr><td>03 Oct</td><td>Receive Money</td><td><a href="https://go.xero.com/Bank/ViewTransaction.aspx?bankTransactionID=${id}">Deposit</a></td></tr>
    <tr><td>04 Oct</td><td>Manual Journal</td><td><a href="https://go.xero.com/Journal/View.aspx?invoiceID=${id}">Accrual</a></td></tr>
    <tr><td>05 Oct</td><td>Payable Invoice</td><td><a href="https://go.xero.com/AccountsPayable/Edit.aspx?InvoiceID=${id}">Bill</a></td></tr>
    <tr><td>06 Oct</td><td>Spend Money</td><td><a href="https://go.xero.com/Journal/View.aspx?invoiceID=${id}">Mismatch</a></td></tr>
    <tr class="total"><td colspan="2">Total Job Materials (510)</td><td>3,120.00</td></tr>
  </tbody></table>`);

  it('gives a record to transaction rows, typed by the Source column, and none to headings and totals', () => {
    expect(rows.map((row) => xero.recordOfRow(row, report)?.recordType ?? null)).toEqual([
      null,
      'spend_money',
      'receive_money',
      'manual_journal',
      'bill',
      null,
      null,
    ]);
    expect(xero.recordOfRow(rows[1] as Element, report)).toMatchObject({ recordId: id, shortCode: '!kh5BZ' });
  });
});

describe('Xero new Bills list pages', () => {
  it.each(['all', 'draft', 'awaiting-approval', 'awaiting-payment', 'paid'])('/app/!kh5BZ/bills/list/%s is the Bills list of that organisation', (tab) => {
    expect(page(`https://go.xero.com/app/!kh5BZ/bills/list/${tab}`)).toMatchObject({ kind: 'xero_bills', scope: { shortCode: '!kh5BZ' } });
  });

  it('is the Bills list without a short code too, in the organisation already open', () => {
    expect(page('https://go.xero.com/app/bills/list/awaiting-payment/')).toMatchObject({ kind: 'xero_bills', scope: {} });
  });

  it.each([
    'https://go.xero.com/app/!kh5BZ/bills/list/repeating',
    'https://go.xero.com/app/!kh5BZ/bills/list/overdue',
    'https://go.xero.com/app/!kh5BZ/bills',
    `https://go.xero.com/app/!kh5BZ/bills/invoice?invoiceId=${id}`,
  ])('%s is not a list we decorate (repeating templates are not bills)', (url) => {
    expect(xero.listPage(new URL(url))).toBeNull();
  });
});

describe('Xero new Bills list rows', () => {
  const bills = page('https://go.xero.com/app/!kh5BZ/bills/list/all');
  const other = 'b18fae62-5071-4293-8e3f-4a5b6c7d8e9f';
  /** A XUI table row: automation ids, a checkbox, and whatever links the row has. */
  const xuiRow = (links: string) =>
    `<tr class="xui-readonlytablerow" data-automationid="bills-list-body-row"><td><input type="checkbox" data-automationid="bills-list-body-row-checkbox--input"></td><td>${links}</td><td>12,400.00</td></tr>`;
  const rowsOf = (...rows: string[]) => tableRows(`<table><tbody>${rows.join('')}</tbody></table>`);
  const recordOf = (links: string, list = bills) => xero.recordOfRow(rowsOf(xuiRow(links))[0] as Element, list);

  it('reads the bill a row opens, in the organisation of the list', () => {
    expect(recordOf(`<a href="/app/!kh5BZ/bills/invoice?invoiceId=${id.toUpperCase()}">Bolt Steel Fabricators</a>`)).toEqual({
      system: 'xero',
      recordType: 'bill',
      recordId: id,
      shortCode: '!kh5BZ',
    });
  });

  it('reads a classic bill link and ignores links that open no record (the supplier)', () => {
    const links = `<a href="/Contacts/View.aspx?contactID=${other}">Acme Concrete</a> <a href="https://go.xero.com/AccountsPayable/View.aspx?InvoiceID=${id}">BILL-2201</a>`;
    expect(recordOf(links)).toMatchObject({ recordType: 'bill', recordId: id, shortCode: '!kh5BZ' });
  });

  it('takes the organisation from the link when the list address has none', () => {
    const noShortCode = page('https://go.xero.com/app/bills/list/paid');
    expect(recordOf(`<a href="/app/!kh5BZ/bills/invoice?invoiceId=${id}">x</a>`, noShortCode)).toMatchObject({ shortCode: '!kh5BZ' });
    expect(recordOf(`<a href="/app/bills/invoice?invoiceId=${id}">x</a>`, noShortCode)).toEqual({ system: 'xero', recordType: 'bill', recordId: id, shortCode: undefined });
  });

  it.each([
    ['no link (a bill still being read from an email)', '<span>Processing…</span>'],
    ['a link whose id is not a GUID', `<a href="/app/!kh5BZ/bills/invoice?invoiceId=${id.slice(0, -1)}">x</a>`],
    ['a link with no id', '<a href="/app/!kh5BZ/bills/invoice?invoiceId=">x</a>'],
    ['links to two different bills', `<a href="/app/!kh5BZ/bills/invoice?invoiceId=${id}">x</a><a href="/AccountsPayable/View.aspx?InvoiceID=${other}">y</a>`],
    ['a link into another organisation', `<a href="/app/!Zz9Qa/bills/invoice?invoiceId=${id}">x</a>`],
    ['a link to a sales invoice', `<a href="/AccountsReceivable/View.aspx?InvoiceID=${id}">x</a>`],
    ['a link to a repeating template', `<a href="/AccountsPayable/RepeatTransactionEdit.aspx?invoiceID=${id}">x</a>`],
  ])('gives no record to a row with %s', (_, links) => {
    expect(recordOf(links)).toBeNull();
  });

  it('finds the table whose rows open bills, past other tables and before the first row is readable', () => {
    document.body.innerHTML = `
      <table data-automationid="bills-summary"><thead><tr><th>Awaiting payment</th></tr></thead><tbody><tr><td>$52,830.00</td></tr></tbody></table>
      <table data-automationid="bills-list-table"><thead><tr><th></th><th>From</th><th>Due</th></tr></thead>
        <tbody>${xuiRow('<span>Processing…</span>')}${xuiRow(`<a href="/app/!kh5BZ/bills/invoice?invoiceId=${id}">x</a>`)}</tbody></table>`;
    const layout = xero.layout(document, bills);
    expect(layout?.headerRow?.closest('table')?.getAttribute('data-automationid')).toBe('bills-list-table');
    expect(layout?.rows).toHaveLength(2);
  });

  it('has no layout while the list is still loading', () => {
    document.body.innerHTML = '<div data-automationid="bills-list-loader" role="progressbar"></div>';
    expect(xero.layout(document, bills)).toBeNull();
  });

  it('still reads classic Bills to pay rows by their data-id', () => {
    const classic = page('https://go.xero.com/AccountsPayable/Search.aspx');
    const [row] = tableRows(`<table class="standard"><tbody><tr data-id="${id}"><td><input type="hidden" id="invoiceType_${id}" value="INVOICETYPE/ACCPAY"></td></tr></tbody></table>`);
    expect(xero.recordOfRow(row as Element, classic)).toMatchObject({ recordType: 'bill', recordId: id });
  });
});
