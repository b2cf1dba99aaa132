// For the adapters' tests: a list page from an address, and rows from markup.
import type { ListPage, SiteAdapter } from './types';

export function listPageOf(adapter: SiteAdapter, url: string): ListPage {
  const found = adapter.listPage(new URL(url));
  if (!found) throw new Error(`not a list page: ${url}`);
  return found;
}

/** The body rows of a table written as HTML (a bare <tr> outside a table would be dropped). */
export function tableRows(tableHtml: string): Element[] {
  const holder = document.createElement('div');
  holder.innerHTML = tableHtml.trim();
  return [...holder.querySelectorAll('tbody tr')];
}
