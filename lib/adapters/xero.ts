// Xero: the classic Invoices and Bills to pay pages (server-rendered tables, full page loads for
// paging), the new single-page app's Bills list (rendered after load, tabs switched by history
// routing), and the Account Transactions report, whose rows are spend and receive money, manual
// journals, credit notes, invoices and bills among headings and totals.
import type { RecordRef } from '../contract/records';
import { recordsLinkedFrom, theOneRecord } from './row-links';
import { tableLayout, tableWithHeader } from './table-layout';
import type { ListPage, SiteAdapter } from './types';

type XeroRecordType = Extract<RecordRef, { system: 'xero' }>['recordType'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Where row links are resolved: absolute and root-relative links read the same as in the page. */
const GO_XERO = 'https://go.xero.com/';

/**
 * The new app's Bills list, /app/[!<shortcode>/]bills/list/<tab>. The Repeating tab lists repeating
 * bill templates, which are not bills: it is not a list we decorate.
 */
const APP_BILLS_LIST = /^\/app\/(?:(![A-Za-z0-9]+)\/)?bills\/list\/(?:all|draft|awaiting-approval|awaiting-payment|paid)$/;

/** What the report's Source column says, and the record type it means. */
const reportSources: Record<string, XeroRecordType> = {
  'spend money': 'spend_money',
  'receive money': 'receive_money',
  'manual journal': 'manual_journal',
  'credit note': 'credit_note',
  'payable credit note': 'credit_note',
  'receivable credit note': 'credit_note',
  'receivable invoice': 'invoice',
  'payable invoice': 'bill',
};

export const xero: SiteAdapter = {
  listPage(url) {
    const path = url.pathname.replace(/\/+$/, '');
    if (url.hostname === 'reporting.xero.com') {
      const shortCode = /^\/(![A-Za-z0-9]+)\/v2\/Run\/New\/1009$/.exec(path)?.[1];
      return shortCode
        ? { site: 'xero', kind: 'xero_account_transactions', title: 'Account Transactions', scope: { shortCode } }
        : null;
    }
    if (/^\/AccountsReceivable\/Search\.aspx$/i.test(path)) return { site: 'xero', kind: 'xero_invoices', title: 'Invoices', scope: {} };
    if (/^\/AccountsPayable\/Search\.aspx$/i.test(path)) return { site: 'xero', kind: 'xero_bills', title: 'Bills to pay', scope: {} };
    const appBills = APP_BILLS_LIST.exec(path);
    if (appBills) return { site: 'xero', kind: 'xero_bills', title: 'Bills', scope: appBills[1] ? { shortCode: appBills[1] } : {} };
    return null;
  },

  recordOfRow(row, page) {
    if (page.kind === 'xero_account_transactions') return reportRecord(row, page);
    // Classic rows carry their InvoiceID as data-id; rows of the new Bills list only link to their bill.
    if (page.kind === 'xero_bills' && !row.hasAttribute('data-id')) return appBillRecord(row, page);
    return classicRecord(row, page);
  },

  layout(doc, page) {
    // Classic lists are table.standard; the report is the table with a Source column.
    if (page.kind === 'xero_account_transactions') return tableLayout(tableWithHeader(doc, ['Source']));
    const classic = doc.querySelector('table.standard');
    return tableLayout(classic ?? (page.kind === 'xero_bills' ? appBillsTable(doc) : null));
  },
};

/** Classic lists: the row's data-id is the InvoiceID; its hidden invoiceType says invoice or bill. */
function classicRecord(row: Element, page: ListPage): RecordRef | null {
  const id = row.getAttribute('data-id') ?? '';
  if (!GUID.test(id)) return null;
  const declared = row.querySelector(`input[id="invoiceType_${id}"]`)?.getAttribute('value');
  const recordType: XeroRecordType | undefined =
    declared === 'INVOICETYPE/ACCREC' ? 'invoice' : declared === 'INVOICETYPE/ACCPAY' ? 'bill' : undefined;
  const expected = page.kind === 'xero_invoices' ? 'invoice' : 'bill';
  if (declared != null && recordType !== expected) return null;
  // When the row links to its record, the link must name the same one.
  const base = `https://go.xero.com/${expected === 'invoice' ? 'AccountsReceivable' : 'AccountsPayable'}/`;
  const linked = recordsLinkedFrom(row, base);
  if (linked.some((ref) => ref.recordId !== id.toLowerCase())) return null;
  return { system: 'xero', recordType: expected, recordId: id.toLowerCase(), shortCode: page.scope.shortCode };
}

/** New Bills list rows: the one bill every link of the row opens, in the list's organisation. */
function appBillRecord(row: Element, page: ListPage): RecordRef | null {
  const bill = linkedBill(row);
  if (!bill) return null;
  const { shortCode } = page.scope;
  // A link into another organisation is not a row of this list.
  if (shortCode && bill.shortCode && bill.shortCode !== shortCode) return null;
  return { system: 'xero', recordType: 'bill', recordId: bill.recordId, shortCode: shortCode ?? bill.shortCode };
}

function linkedBill(row: Element): Extract<RecordRef, { system: 'xero' }> | null {
  const linked = theOneRecord(recordsLinkedFrom(row, GO_XERO));
  return linked?.system === 'xero' && linked.recordType === 'bill' ? linked : null;
}

/**
 * The new Bills list is the table whose rows open bills: XUI's class names and automation ids are
 * not published, and a table with no bill in it has nothing to mark.
 */
function appBillsTable(doc: Document): Element | undefined {
  return [...doc.querySelectorAll('table')].find((table) =>
    [...table.querySelectorAll(':scope > tbody > tr')].some((row) => linkedBill(row) !== null),
  );
}

/** Report rows: the Source column names the type, the row's link the record; headings and totals have neither. */
function reportRecord(row: Element, page: ListPage): RecordRef | null {
  const source = cellUnderHeader(row, 'source')?.textContent?.trim().toLowerCase() ?? '';
  const recordType = reportSources[source];
  if (!recordType) return null;
  const linked = theOneRecord(recordsLinkedFrom(row, GO_XERO));
  if (linked?.system !== 'xero') return null;
  // A bank transaction's address does not say spend or receive: the Source column does.
  const bankTransaction = linked.recordType === 'spend_money' || linked.recordType === 'receive_money';
  const sameKind = linked.recordType === recordType || (bankTransaction && (recordType === 'spend_money' || recordType === 'receive_money'));
  if (!sameKind) return null;
  return { system: 'xero', recordType, recordId: linked.recordId, shortCode: page.scope.shortCode };
}

function cellUnderHeader(row: Element, header: string): Element | undefined {
  const table = row.closest('table');
  const headers = [...(table?.querySelectorAll('thead th, thead td') ?? [])];
  const index = headers.findIndex((cell) => cell.textContent?.trim().toLowerCase() === header);
  return index < 0 ? undefined : row.children[index];
}
