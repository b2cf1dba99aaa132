// Xero's classic invoice list in the tests: the fixture page (xero/invoices-classic.html), its
// rows and the states the tests give them; generated lists of any length (PageSize=n) for the
// tests of long lists and for the benchmark, with the ids of xeroInvoiceRef; and one of any rows,
// whose values the page shows as text as Xero does (the attack matrix fills them with markup).
import { expect, type Page } from '@playwright/test';
import type { IngestRecord } from '../lib/contract/api';
import type { RecordRef } from '../lib/contract/records';
import { asText } from './payloads';
import { PROJECT } from './procore';

export const XERO_INVOICES = 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED';

/** The fixture's rows the tests give states to (its two others stay unknown to the service). */
export const ROW = {
  synced: '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  notSynced: '8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c',
  blocked: '9b6d8c40-3e5f-4071-8c1d-2e3f4a5b6c7d',
} as const;

/** Every row of the fixture, in order. */
export const FIXTURE_ROWS = [ROW.synced, ROW.notSynced, ROW.blocked, 'a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e', 'b18fae62-5071-4293-8e3f-4a5b6c7d8e9f'];

export const xeroInvoice = (recordId: string): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId });
export const ownerInvoice = (n: number): RecordRef => ({
  system: 'procore',
  recordType: 'owner_invoice',
  projectId: PROJECT,
  contractId: '562949953443325',
  recordId: String(562950099171911n + BigInt(n)),
});

/** The invoice whose push fails: its customer is not mapped. */
export const blockedInvoice: IngestRecord = {
  ref: xeroInvoice(ROW.blocked),
  state: 'failed',
  error: {
    code: 'customer_not_mapped',
    message: 'The customer Northside Medical Centre is not mapped to a Procore owner.',
    hint: 'Map the customer in the integration settings, then re-sync.',
    blockedBy: { kind: 'customer', name: 'Northside Medical Centre' },
  },
};

/** The Xero classic list's states: one synced, one not synced (its counterpart known), one blocked by an unmapped customer. */
export const xeroList: IngestRecord[] = [
  { ref: xeroInvoice(ROW.synced), state: 'synced', counterpart: { ref: ownerInvoice(0), number: 'PA-07' } },
  { ref: xeroInvoice(ROW.notSynced), state: 'not_synced', counterpart: { ref: ownerInvoice(1), number: 'PA-08' } },
  blockedInvoice,
];

export const cellOf = (page: Page, id: string) => page.locator(`tr[data-id="${id}"] > [data-erp-sync-cell]`);
export const badgeOf = (page: Page, id: string) => cellOf(page, id).locator('.badge');
/** The details a cell shows on hover and focus, read without either. */
export const detailsOf = (page: Page, id: string) => cellOf(page, id).locator('[role="tooltip"]');

/** Opens the Xero list once a row shows the state it was given (the not-synced one, unless said). */
export async function openXeroList(extension: { openFixture(url: string, file: string): Promise<Page> }, row: string = ROW.notSynced, state = 'not_synced') {
  const page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
  await expect(badgeOf(page, row)).toHaveAttribute('data-state', state);
  return page;
}

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
