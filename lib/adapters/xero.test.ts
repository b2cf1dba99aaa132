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
