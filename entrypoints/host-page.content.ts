// The content script for every supported host page (Procore, Xero, Zoho Books). One entry for all
// three families keeps one copy of our code per page; the site is decided at run time.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_MARKER, startInspector } from '@/lib/content/inspector';
import { followListPages } from '@/lib/content/list-pages';
import { logError } from '@/lib/log';
import { matchPatterns, siteOf } from '@/lib/sites';

export default defineContentScript({
  matches: matchPatterns(),
  // As soon as the document is parsed: document_idle may wait for the page's images or 200 ms,
  // and the column follows whatever the host renders after this anyway.
  runAt: 'document_end',
  main(ctx) {
    // An updated or reloaded extension starts a new copy: this one's claim on the page ends with it.
    ctx.onInvalidated(() => document.documentElement.removeAttribute(PAGE_MARKER));
    startInspector(document, location.href)
      .then(({ state, connection }) => {
        const site = siteOf(location.href);
        if (state === 'ready' && site) followListPages(document, site, ctx, connection);
      })
      .catch((error) => logError('host-page', error, { url: location.href }));
  },
});
