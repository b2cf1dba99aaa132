// Xero's classic lists are server-rendered at any length (PageSize=n): this generates one, for the
// tests of long lists and for the benchmark, with the ids of xeroInvoiceRef.
import type { RecordRef } from '../lib/contract/records';

/** The record shown in row i of a generated list. */
export const xeroInvoiceRef = (i: number): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });

/** A classic Xero invoice list of n rows, as a PageSize=n search returns it. */
export function xeroListOf(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const id = xeroInvoiceRef(i).recordId;
    return `<tr id="row${i}" data-id="${id}"><td><input type="hidden" id="invoiceType_${id}" value="INVOICETYPE/ACCREC"></td>
      <td class="from"><a class="nav" href="View.aspx?InvoiceID=${id}">INV-${String(i).padStart(4, '0')}</a></td><td class="xoAmount">1,000.00</td></tr>`;
  }).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Invoices | Xero</title></head><body>
    <table class="standard"><thead><tr><td></td><td>Number</td><td>Due</td></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
