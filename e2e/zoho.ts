// Zoho Books' Bills fixture shows any number of bills (#/bills?per_page=n): its two first-page
// bills, then generated ones. This names the record of each row, for the tests of long lists and
// for the benchmark; and generates an Invoices list of any rows, its values shown as text.
import type { RecordRef } from '../lib/contract/records';
import { asText } from './payloads';

export const ZOHO_ORGANIZATION = '60012345678';

/** The bill in row i of the fixture's list. */
export const zohoBillRef = (i: number): RecordRef => ({
  system: 'zoho_books',
  recordType: 'bill',
  organizationId: ZOHO_ORGANIZATION,
  recordId: i < 2 ? String(5254962000000345671n + BigInt(i)) : String(5254962000001000000n + BigInt(i - 2)),
});

/** One row of an Invoices list: its id (the row's), the number it links, its customer. */
export interface ZohoListRow {
  id: string;
  number: string;
  customer: string;
  /** Where the number links; by default the invoice, opened beside the list. */
  href?: string;
}

/** Zoho Books' Invoices list with these rows (at https://books.zoho.com/app/<organization>#/invoices). */
export function zohoInvoiceList(rows: ZohoListRow[]): string {
  const body = rows
    .map(({ id, number, customer, href = `#/invoices/${id}` }) => {
      return `<tr id="${asText(id)}" class="ember-view"><td><a href="${asText(href)}">${asText(number)}</a></td><td>${asText(customer)}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Invoices | Zoho Books</title></head><body>
    <table class="table zb-list"><thead><tr><th>Invoice#</th><th>Customer Name</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}
