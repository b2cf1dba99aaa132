// The address that opens a record in its own system, built from its reference with the URL formats
// each system publishes (see shared/SITES.md). Null when the reference lacks what the URL needs.
import type { RecordRef } from './records';

type ProcoreRecord = Extract<RecordRef, { system: 'procore' }>;
type XeroRecord = Extract<RecordRef, { system: 'xero' }>;
type ZohoBooksRecord = Extract<RecordRef, { system: 'zoho_books' }>;

export function recordUrl(ref: RecordRef): string | null {
  switch (ref.system) {
    case 'procore':
      return procoreUrl(ref);
    case 'xero':
      return xeroUrl(ref);
    case 'zoho_books':
      return zohoBooksUrl(ref);
  }
}

function procoreUrl(ref: ProcoreRecord): string | null {
  const origin = `https://${ref.host ?? 'app.procore.com'}`;
  const project = `${origin}/${ref.projectId}/project`;
  switch (ref.recordType) {
    case 'direct_cost':
      return `${project}/direct_costs/${ref.recordId}`;
    case 'owner_invoice':
      return ref.contractId ? `${project}/prime_contracts/${ref.contractId}/payment_applications/${ref.recordId}` : null;
    case 'subcontractor_invoice':
      if (!ref.contractId) return null;
      return ref.companyId
        ? `${origin}/webclients/host/companies/${ref.companyId}/projects/${ref.projectId}/tools/invoicing/requisitions/${ref.contractId}/${ref.recordId}`
        : null;
  }
}

const xeroClassicPaths: Record<XeroRecord['recordType'], (id: string) => string> = {
  invoice: (id) => `/AccountsReceivable/View.aspx?InvoiceID=${id}`,
  bill: (id) => `/AccountsPayable/Edit.aspx?InvoiceID=${id}`,
  credit_note: (id) => `/AccountsPayable/ViewCreditNote.aspx?creditNoteID=${id}`,
  spend_money: (id) => `/Bank/ViewTransaction.aspx?bankTransactionID=${id}`,
  receive_money: (id) => `/Bank/ViewTransaction.aspx?bankTransactionID=${id}`,
  manual_journal: (id) => `/Journal/View.aspx?invoiceID=${id}`,
};

function xeroUrl(ref: XeroRecord): string {
  const go = 'https://go.xero.com';
  if (!ref.shortCode) return `${go}${xeroClassicPaths[ref.recordType](ref.recordId)}`; // opens in the current organisation
  if (ref.recordType === 'invoice') return `${go}/app/${ref.shortCode}/invoicing/view/${ref.recordId}`;
  // Xero's own deep links switch to the organisation first, then redirect to the classic page.
  return `${go}/organisationlogin/default.aspx?shortcode=${ref.shortCode}&redirecturl=${xeroClassicPaths[ref.recordType](ref.recordId)}`;
}

function zohoBooksUrl(ref: ZohoBooksRecord): string {
  const list = ref.recordType === 'invoice' ? 'invoices' : 'bills';
  return `https://${ref.host ?? 'books.zoho.com'}/app/${ref.organizationId}#/${list}/${ref.recordId}`;
}
