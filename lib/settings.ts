// Where the extension keeps its connection to the sync-status service. Only the background and
// the extension's own pages use it. In Chrome the background restricts local storage to trusted
// contexts; Firefox cannot, so the token is to move to the extension's own database (issue 6).
import { storage } from 'wxt/utils/storage';
import type { RecordRef } from './contract/records';
import type { ListKind, SiteName } from './sites';

export interface ServiceConnection {
  /** Base URL of the sync-status service, e.g. https://sync.example.com */
  serviceUrl: string;
  /** Bearer token for that service. Never sent to a content script. */
  token: string;
}

export const serviceConnection = storage.defineItem<ServiceConnection | null>('local:serviceConnection', {
  fallback: null,
});

/** Which sites' pages the extension decorates; all of them until the user switches one off. */
export const decoratedSites = storage.defineItem<Record<SiteName, boolean>>('local:decoratedSites', {
  fallback: { procore: true, xero: true, zoho_books: true },
});

/** Lists the user switched off within a site that stays on (e.g. Xero's Account Transactions). */
export const hiddenLists = storage.defineItem<ListKind[]>('local:hiddenLists', { fallback: [] });

/**
 * The record the side panel shows (chosen from a row's cell, a pasted address or the error
 * summary). Session storage: it is for this browsing session only, and content scripts cannot
 * read it. `at` makes choosing the same record again a change the panel hears.
 */
export const recordInPanel = storage.defineItem<{ ref: RecordRef; at: number } | null>('session:recordInPanel', {
  fallback: null,
});
