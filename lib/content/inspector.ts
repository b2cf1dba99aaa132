// Starts the inspector in a supported host page: claims the document once (a second copy of the
// script adds nothing) and opens the conversation with the background.
import { logError } from '../log';
import { callBackground } from '../messaging/client';
import type { ResultOf } from '../messaging/protocol';
import { siteOf } from '../sites';

/** Set on <html> while we run in a page: "starting", then "ready" or "failed". */
export const PAGE_MARKER = 'data-erp-sync-inspector';

export type InspectorState = 'ready' | 'failed' | 'not-ours' | 'already-running';

export type Connection = ResultOf<'getConnection'>;

/** The state, and when ready the background's first answer (the list needs it: not asked twice). */
export async function startInspector(doc: Document, url: string): Promise<{ state: InspectorState; connection?: Connection }> {
  const site = siteOf(url);
  if (!site) return { state: 'not-ours' };
  const root = doc.documentElement;
  // Another copy is starting or running here; one that failed may be replaced.
  const marker = root.getAttribute(PAGE_MARKER);
  if (marker === 'starting' || marker === 'ready') return { state: 'already-running' };
  root.setAttribute(PAGE_MARKER, 'starting');
  try {
    // With what this page showed first when it was last loaded: its rows can show their state as they come.
    const connection = await callBackground('getConnection', { withFirstScreen: true });
    root.setAttribute(PAGE_MARKER, 'ready');
    return { state: 'ready', connection };
  } catch (error) {
    root.setAttribute(PAGE_MARKER, 'failed');
    logError('inspector', error, { site, url });
    return { state: 'failed' };
  }
}
