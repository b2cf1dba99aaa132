// Reads a pasted address of a Procore, Xero or Zoho Books page and says which record it opens.
// List pages are refused with a reason: a push needs one record, not a page of them.
import { siteOf } from '../sites';
import { asRecordRef, type RecordRef, type RecordType } from './records';

export type ParsedRecordUrl =
  | {
      ok: true;
      ref: RecordRef;
      /** Other record types the same address can open (a Xero bank transaction is spend or receive money). */
      alsoPossible: RecordType[];
    }
  | { ok: false; reason: 'list_page' | 'not_a_record_page'; message: string };

const listPage = (what: string): ParsedRecordUrl => ({
  ok: false,
  reason: 'list_page',
  message: `This is the ${what} list, not one record. Open the record itself and paste its address.`,
});

const notARecord = (message: string): ParsedRecordUrl => ({ ok: false, reason: 'not_a_record_page', message });

export function parseRecordUrl(input: string): ParsedRecordUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return notARecord('That is not a web address. Paste the full address of the record, starting with https://');
  }
  switch (siteOf(url.href)) {
    case 'procore':
      return parseProcore(url);
    case 'xero':
      return parseXero(url);
    case 'zoho_books':
      return parseZohoBooks(url);
    default:
      return notARecord('Only Procore, Xero and Zoho Books addresses can be synced.');
  }
}

/** Builds the reference through the contract's check, so ids are checked the same way everywhere. */
function record(fields: Record<string, string | undefined>, alsoPossible: RecordType[] = []): ParsedRecordUrl {
  const ref = asRecordRef(Object.fromEntries(Object.entries(fields).filter(([, v]) => v)));
  return ref ? { ok: true, ref, alsoPossible } : notARecord('The address does not carry a valid record id.');
}

function parseProcore(url: URL): ParsedRecordUrl {
  const path = url.pathname.replace(/\/+$/, '');
  const host = url.hostname.toLowerCase();
  let m = path.match(/^\/(\d+)\/project\/direct_costs\/(\d+)(?:\/(?:edit|related_items|change_history))?$/);
  if (m) return record({ system: 'procore', recordType: 'direct_cost', projectId: m[1], recordId: m[2], host });
  m = path.match(/^\/(\d+)\/project\/prime_contracts\/(\d+)\/payment_applications\/(\d+)(?:\/[a-z_]+)?$/);
  if (m) {
    return record({ system: 'procore', recordType: 'owner_invoice', projectId: m[1], contractId: m[2], recordId: m[3], host });
  }
  m = path.match(/^\/(\d+)\/project\/commitments\/(?:purchase_order_contracts|work_order_contracts)\/(\d+)\/requisitions\/(\d+)(?:\/[a-z_]+)?$/);
  if (m) {
    const [, projectId, contractId, recordId] = m;
    return record({ system: 'procore', recordType: 'subcontractor_invoice', projectId, contractId, recordId, host });
  }
  m = path.match(/^\/webclients\/host\/companies\/(\d+)\/projects\/(\d+)\/tools\/invoicing\/requisitions\/(\d+)\/(\d+)$/);
  if (m) {
    const [, companyId, projectId, contractId, recordId] = m;
    return record({ system: 'procore', recordType: 'subcontractor_invoice', companyId, projectId, contractId, recordId, host });
  }
  if (/^\/\d+\/project\/direct_costs(\/summary\/index)?$/.test(path)) return listPage('Direct Costs');
  if (/\/tools\/invoicing\/subcontractor$/.test(path)) return listPage('Subcontractor Invoicing');
  if (/\/tools\/invoicing$/.test(path)) return listPage('Owner Invoicing');
  return notARecord('This Procore page is not a direct cost, owner invoice or subcontractor invoice.');
}

function parseXero(url: URL): ParsedRecordUrl {
  if (url.hostname === 'reporting.xero.com') return listPage('Account Transactions report');
  const path = url.pathname.replace(/\/+$/, '');
  const query = caseInsensitiveQuery(url);
  // Xero's organisation deep links carry the real page in redirecturl.
  if (/^\/organisationlogin\/default\.aspx$/i.test(path)) {
    const redirect = query.get('redirecturl');
    const shortCode = query.get('shortcode') ?? undefined;
    if (!redirect) return notARecord('This Xero address does not say which page to open.');
    const inner = parseXero(new URL(redirect, 'https://go.xero.com'));
    return inner.ok ? record({ ...inner.ref, shortCode }, inner.alsoPossible) : inner;
  }
  // The new invoicing app: view or edit, with or without the organisation's short code.
  const m = path.match(/^\/app\/(?:(![A-Za-z0-9]+)\/)?invoicing\/(?:view|edit)\/([0-9a-fA-F-]{36})$/);
  if (m) return record({ system: 'xero', recordType: 'invoice', shortCode: m[1], recordId: m[2] });
  const invoiceId = query.get('invoiceid');
  if (/^\/AccountsReceivable\/(View|Edit)\.aspx$/i.test(path) && invoiceId) {
    return record({ system: 'xero', recordType: 'invoice', recordId: invoiceId });
  }
  if (/^\/AccountsPayable\/(View|Edit)\.aspx$/i.test(path) && invoiceId) {
    return record({ system: 'xero', recordType: 'bill', recordId: invoiceId });
  }
  // The new Bills app's own address of a bill (seen in public links to Xero, not in its published deep links).
  const appBill = path.match(/^\/app\/(?:(![A-Za-z0-9]+)\/)?bills\/invoice$/);
  if (appBill && invoiceId) return record({ system: 'xero', recordType: 'bill', shortCode: appBill[1], recordId: invoiceId });
  const creditNoteId = query.get('creditnoteid');
  if (/^\/Accounts(Payable|Receivable)\/ViewCreditNote\.aspx$/i.test(path) && creditNoteId) {
    return record({ system: 'xero', recordType: 'credit_note', recordId: creditNoteId });
  }
  const bankTransactionId = query.get('banktransactionid');
  if (/^\/Bank\/ViewTransaction\.aspx$/i.test(path) && bankTransactionId) {
    return record({ system: 'xero', recordType: 'spend_money', recordId: bankTransactionId }, ['receive_money']);
  }
  if (/^\/Journal\/View\.aspx$/i.test(path) && invoiceId) {
    return record({ system: 'xero', recordType: 'manual_journal', recordId: invoiceId });
  }
  if (/^\/AccountsReceivable\/Search\.aspx$/i.test(path)) return listPage('Invoices');
  if (/^\/AccountsPayable\/Search\.aspx$/i.test(path) || /\/bills\/list(\/|$)/.test(path)) return listPage('Bills');
  if (/^\/Journal\/Search\.aspx$/i.test(path)) return listPage('Manual Journals');
  if (/^\/Bank\/BankTransactions\.aspx$/i.test(path)) return listPage('Bank Transactions');
  return notARecord('This Xero page is not an invoice, bill, credit note, bank transaction or manual journal.');
}

function parseZohoBooks(url: URL): ParsedRecordUrl {
  const org = url.pathname.match(/^\/app\/(\d+)\/?$/)?.[1];
  const route = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const m = route.match(/^\/(invoices|bills)(?:\/(\d+))?(?:\/[a-z]+)?\/?$/);
  if (!org || !m) return notARecord('This Zoho Books page is not an invoice or a bill.');
  const recordType = m[1] === 'invoices' ? 'invoice' : 'bill';
  if (!m[2]) return listPage(recordType === 'invoice' ? 'Invoices' : 'Bills');
  return record({ system: 'zoho_books', recordType, organizationId: org, recordId: m[2], host: url.hostname.toLowerCase() });
}

/** Xero's ASP.NET pages accept query parameters in any case (InvoiceID, invoiceID, ...). */
function caseInsensitiveQuery(url: URL): Map<string, string> {
  return new Map([...url.searchParams].map(([key, value]) => [key.toLowerCase(), value]));
}
