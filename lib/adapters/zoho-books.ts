// Zoho Books: Invoices and Bills, a hash-routed app on every data centre's domain. Opening a record
// keeps the list beside it (#/invoices/<id>), so that is still the list page.
import type { RecordRef } from '../contract/records';
import { tableLayout, tableWithHeader } from './table-layout';
import type { SiteAdapter } from './types';

const ZOHO_ID = /^[1-9]\d{9,19}$/;

export const zohoBooks: SiteAdapter = {
  listPage(url) {
    const organizationId = /^\/app\/(\d{6,12})\/?$/.exec(url.pathname)?.[1];
    const route = url.hash.replace(/^#/, '').split('?')[0] ?? '';
    const list = /^\/(invoices|bills)(?:\/\d+(?:\/[a-z]+)?)?\/?$/.exec(route)?.[1];
    if (!organizationId || !list) return null;
    const scope = { organizationId, host: url.hostname.toLowerCase() };
    return list === 'invoices'
      ? { site: 'zoho_books', kind: 'zoho_invoices', title: 'Invoices', scope }
      : { site: 'zoho_books', kind: 'zoho_bills', title: 'Bills', scope };
  },

  recordOfRow(row, page) {
    // Rows carry the record id as their id; Ember's own ids (ember1234) never match.
    const recordId = row.id;
    const { organizationId, host } = page.scope;
    if (!ZOHO_ID.test(recordId) || !organizationId || row.closest('tbody') === null) return null;
    const list = page.kind === 'zoho_invoices' ? 'invoices' : 'bills';
    // A row that links to a record must link to its own.
    const links = [...row.querySelectorAll(`a[href*="#/${list}/"]`)].map((a) => /#\/[a-z]+\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1]);
    if (links.some((id) => id !== recordId)) return null;
    const recordType = page.kind === 'zoho_invoices' ? 'invoice' : 'bill';
    return { system: 'zoho_books', recordType, organizationId, recordId, host } satisfies RecordRef;
  },

  // Ember's class names and ids change; the column headers do not.
  layout(doc, page) {
    return tableLayout(tableWithHeader(doc, [page.kind === 'zoho_invoices' ? 'Invoice#' : 'Bill#']));
  },
};
