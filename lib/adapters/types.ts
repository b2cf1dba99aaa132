// What every site adapter tells the content script: which supported list a page shows, and which
// record each row of it is.
import type { RecordRef } from '../contract/records';
import type { ListKind, SiteName } from '../sites';

export type { ListKind };

export interface ListPage {
  site: SiteName;
  kind: ListKind;
  /** The list's name as the site shows it, e.g. "Direct Costs". */
  title: string;
  /** What every record on the list shares: the Procore project, the Xero or Zoho organisation. */
  scope: Record<string, string | undefined>;
}

/**
 * Where a list's rows are. A table gets our header cell added to its header row and a cell
 * appended to each body row; a grid that draws our column itself (AG Grid) has no header row for
 * us, is asked for the column through `columnHost`, and gives each row a slot for our cell.
 */
export interface ListLayout {
  headerRow: Element | null;
  rows: Element[];
  columnHost?: Element;
  slotOf?: (row: Element) => Element | null;
}

export interface SiteAdapter {
  /** The supported list this address shows, or null for any other page of the site. */
  listPage(url: URL): ListPage | null;
  /** The record a row shows, or null when its id cannot be read with confidence: no guesses. */
  recordOfRow(row: Element, page: ListPage): RecordRef | null;
  /**
   * For a grid's rows that are not drawn yet: the record named by an id that the drawn rows show to
   * be their record's id (read ahead of them from the grid), or null where a bare id names none.
   */
  recordOfRowId?(id: string, page: ListPage): RecordRef | null;
  /** The list's header row and body rows as they are in the document now; null while it is not rendered. */
  layout(doc: Document, page: ListPage): ListLayout | null;
}
