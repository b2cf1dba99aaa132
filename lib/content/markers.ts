// How our column is named and marked in a host page, known to both of our scripts (the content
// script and the page-world helper for grids) and to the tests.

export const HEADER_TEXT = 'ERP Synced';
/** On our header cell, or on our header's text where the grid draws the header cell. */
export const HEADER_MARKER = 'data-erp-sync-header';
/** On each cell we add. */
export const CELL_MARKER = 'data-erp-sync-cell';
/** On the sign-in hint a signed-out page shows in the column's header. */
export const HINT_MARKER = 'data-erp-sync-hint';
