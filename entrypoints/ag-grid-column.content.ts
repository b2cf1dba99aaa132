// Procore's grids can only be given a column from the page's own world (see
// lib/page-world/ag-grid-column.ts), and only there can the rows they have not drawn be read (see
// lib/page-world/ag-grid-rows.ts). This script holds no secrets and sends no messages: it only
// answers the isolated content script's requests, made through DOM attributes and an event.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { logError } from '@/lib/log';
import { serveColumnRequests } from '@/lib/page-world/ag-grid-column';
import { serveRowRequests } from '@/lib/page-world/ag-grid-rows';
import { matchPatterns, siteFamilies } from '@/lib/sites';

export default defineContentScript({
  matches: matchPatterns(siteFamilies.filter((family) => family.name === 'procore')),
  world: 'MAIN',
  // As the content script that asks it: it must be there for the first reading of the rows (both
  // follow the grids that come later, and only listen on the document until one asks).
  runAt: 'document_start',
  main() {
    serveColumnRequests(document, (error, context) => logError('ag-grid-column', error, context));
    serveRowRequests(document, (error, context) => logError('ag-grid-rows', error, context));
  },
});
