// Procore: Direct Costs, and Invoicing (Owner and Subcontractor), on any *.procore.com host, in
// both URL styles. Grids are AG Grid (rows recycled on scroll, pinned containers); the legacy
// Direct Costs page is a server-rendered table.item-list.
import type { RecordRef } from '../contract/records';
import { agGridLayout, rowParts } from './ag-grid';
import { recordsLinkedFrom, theOneRecord } from './row-links';
import { tableLayout } from './table-layout';
import type { ListKind, ListPage, SiteAdapter } from './types';

type ProcoreRecordType = Extract<RecordRef, { system: 'procore' }>['recordType'];

const lists: { pattern: RegExp; kind: ListKind; title: string; recordType: ProcoreRecordType }[] = [
  // legacy: /<project>/project/direct_costs, also its server-paged /direct_costs/summary/index
  { pattern: /^\/(?<project>\d+)\/project\/direct_costs(?:\/summary\/index)?$/, kind: 'procore_direct_costs', title: 'Direct Costs', recordType: 'direct_cost' },
  // new: the same tool under /webclients/host/... (likely, by analogy with Invoicing)
  {
    pattern: /^\/webclients\/host\/companies\/(?<company>\d+)\/projects\/(?<project>\d+)\/tools\/direct_costs$/,
    kind: 'procore_direct_costs',
    title: 'Direct Costs',
    recordType: 'direct_cost',
  },
  {
    pattern: /^\/webclients\/host\/companies\/(?<company>\d+)\/projects\/(?<project>\d+)\/tools\/invoicing$/,
    kind: 'procore_owner_invoices',
    title: 'Invoicing: Owner',
    recordType: 'owner_invoice',
  },
  {
    pattern: /^\/webclients\/host\/companies\/(?<company>\d+)\/projects\/(?<project>\d+)\/tools\/invoicing\/subcontractor$/,
    kind: 'procore_subcontractor_invoices',
    title: 'Invoicing: Subcontractor',
    recordType: 'subcontractor_invoice',
  },
];

const recordTypeOf = (kind: ListKind) => lists.find((list) => list.kind === kind)?.recordType;

/** A list's record by its id alone: every record of a list is of its type, in the page's project. */
function recordOfId(id: string, page: ListPage): RecordRef | null {
  const recordType = recordTypeOf(page.kind);
  const { host, companyId, projectId } = page.scope;
  if (!recordType || !projectId) return null;
  return { system: 'procore', recordType, companyId, projectId, recordId: id, host };
}

export const procore: SiteAdapter = {
  listPage(url) {
    const path = url.pathname.replace(/\/+$/, '');
    for (const list of lists) {
      const groups = list.pattern.exec(path)?.groups;
      if (groups) {
        const scope = { host: url.hostname.toLowerCase(), companyId: groups.company, projectId: groups.project };
        return { site: 'procore', kind: list.kind, title: list.title, scope };
      }
    }
    return null;
  },

  recordOfRow(row, page) {
    const recordType = recordTypeOf(page.kind);
    const { host, companyId, projectId } = page.scope;
    if (!recordType || !projectId) return null;
    // A grid row's record link may sit in its pinned part, another element of the same row.
    const parts = rowParts(row);
    const links = parts.flatMap((part) => recordsLinkedFrom(part, `https://${host}/`));
    const linked = theOneRecord(links.filter((ref) => ref.recordType === recordType));
    if (linked?.system === 'procore') {
      // A link into another project is not this list's record.
      if (linked.projectId !== projectId) return null;
      return { ...linked, companyId: linked.companyId ?? companyId, host };
    }
    // A row that opens another kind of record is not this list's (a list the page is replacing).
    if (links.length > 0) return null;
    const gridId = agGridRecordId(row, parts);
    return gridId ? recordOfId(gridId, page) : null;
  },

  recordOfRowId: recordOfId,

  // The legacy server-rendered table, or the tool's data table (the first grid on the page).
  layout(doc) {
    return tableLayout(doc.querySelector('table.item-list')) ?? agGridLayout(doc.querySelector('.ag-root-wrapper'));
  },
};

/**
 * AG Grid's row-id is the record id only when the grid was given ids; Procore's grids show it in
 * their cell ids (row-<id>-column-<col>). Only then is it trusted; a bare row index is not.
 */
function agGridRecordId(row: Element, parts: Element[]): string | null {
  const rowId = row.getAttribute('row-id') ?? '';
  if (!/^[1-9]\d{0,19}$/.test(rowId)) return null;
  const confirmed = parts.some((part) =>
    [...part.querySelectorAll('[id^="row-"]')].some((cell) => cell.id.startsWith(`row-${rowId}-column-`)),
  );
  return confirmed ? rowId : null;
}
