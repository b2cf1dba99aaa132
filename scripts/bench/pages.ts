// The three kinds of list page the benchmark drives, each at any number of rows, served at its real
// address (the extension runs there) and at a look-alike one on another domain (it does not: the
// same page, the same browser, for the baseline), with the records its rows show.
import type { RecordRef } from '../../lib/contract/records';
import type { ExtensionHarness } from '../../e2e/browser';
import { COMPANY, directCost, PROJECT, serveProcoreAssets } from '../../e2e/procore';
import { xeroInvoiceRef, xeroListOf } from '../../e2e/xero';
import { ZOHO_ORGANIZATION, zohoBillRef } from '../../e2e/zoho';

export type Where = 'real' | 'lookalike';

/** How the in-page probe finds the rows: the body rows of a table, or the rows of a virtualised grid. */
export interface RowsProbe {
  /** A table page: the table; its body rows are the list. */
  table?: string;
  /** A grid page: one element per row (the rows of the grid's centre part). */
  gridRows?: string;
  /** The element whose scrolling moves the rows (the document for a table page). */
  scroller?: string;
}

export interface BenchPage {
  kind: 'procore' | 'xero' | 'zoho';
  label: string;
  url(rows: number, where: Where): string;
  /** Serves the page (and what it loads) at both addresses. */
  serve(extension: ExtensionHarness, rows: number): Promise<void>;
  /** The record of row i, as the service knows it. */
  ref(i: number): RecordRef;
  probe: RowsProbe;
}

const origins = {
  procore: { real: 'https://app.procore.com', lookalike: 'https://app.procore.example' },
  xero: { real: 'https://go.xero.com', lookalike: 'https://go.xero.example' },
  zoho: { real: 'https://books.zoho.com', lookalike: 'https://books.zoho.example' },
} as const;

export const benchPages: BenchPage[] = [
  {
    kind: 'procore',
    label: 'Procore Direct Costs (AG Grid)',
    url: (rows, where) => `${origins.procore[where]}/webclients/host/companies/${COMPANY}/projects/${PROJECT}/tools/direct_costs?per_page=${rows}`,
    async serve(extension, rows) {
      for (const where of ['real', 'lookalike'] as const) {
        await serveProcoreAssets(extension, origins.procore[where], '35.3.1');
        await extension.serve(this.url(rows, where), 'procore/direct-costs.html');
      }
    },
    ref: directCost,
    probe: { gridRows: '.ag-center-cols-container .ag-row', scroller: '.ag-body-viewport' },
  },
  {
    kind: 'xero',
    label: 'Xero Invoices (classic table)',
    url: (rows, where) => `${origins.xero[where]}/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED&PageSize=${rows}`,
    async serve(extension, rows) {
      const html = xeroListOf(rows);
      for (const where of ['real', 'lookalike'] as const) await extension.serve(this.url(rows, where), { html });
    },
    ref: xeroInvoiceRef,
    probe: { table: 'table.standard' },
  },
  {
    kind: 'zoho',
    label: 'Zoho Books Bills (table)',
    url: (rows, where) => `${origins.zoho[where]}/app/${ZOHO_ORGANIZATION}#/bills?per_page=${rows}`,
    async serve(extension, rows) {
      for (const where of ['real', 'lookalike'] as const) await extension.serve(this.url(rows, where), 'zoho/books.html');
    },
    ref: zohoBillRef,
    probe: { table: 'table.zb-list' },
  },
];
