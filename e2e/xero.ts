// Xero's classic lists are server-rendered at any length (PageSize=n): this generates one, for the
// tests of long lists and for the benchmark, with the ids of xeroInvoiceRef; and one of any rows,
// whose values the page shows as text as Xero does (the attack matrix fills them with markup).
import type { RecordRef } from '../lib/contract/records';
import { asText } from './payloads';

/** The record shown in row i of a generated list. */
export const xeroInvoiceRef = (i: number): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });

/** One row of a classic invoice list: its data-id, the invoice number it links, and its amount due. */
export interface XeroListRow {
  id: string;
  number: string;
  /** Where the number links; by default the invoice itself. */
  href?: string;
  due?: string;
}

/** A classic Xero invoice list of these rows, every value escaped as the host's server does. */
export function xeroClassicList(rows: XeroListRow[]): string {
  const body = rows
    .map(({ id, number, href = `View.aspx?InvoiceID=${id}`, due = '1,000.00' }, i) => {
      return `<tr id="row${i}" data-id="${asText(id)}"><td><input type="hidden" id="invoiceType_${asText(id)}" value="INVOICETYPE/ACCREC"></td>
      <td class="from"><a class="nav" href="${asText(href)}">${asText(number)}</a></td><td class="xoAmount">${asText(due)}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Invoices | Xero</title></head><body>
    <table class="standard"><thead><tr><td></td><td>Number</td><td>Due</td></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

/** A classic Xero invoice list of n rows, as a PageSize=n search returns it. */
export function xeroListOf(n: number): string {
  return xeroClassicList(Array.from({ length: n }, (_, i) => ({ id: xeroInvoiceRef(i).recordId, number: `INV-${String(i).padStart(4, '0')}` })));
}
