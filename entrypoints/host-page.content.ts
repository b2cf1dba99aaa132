// The content script for every supported host page (Procore, Xero, Zoho Books). One entry for all
// three families keeps one copy of our code per page; the site is decided at run time.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_MARKER, startInspector } from '@/lib/content/inspector';
import { followListPages } from '@/lib/content/list-pages';
import { whenParsed } from '@/lib/content/scheduling';
import { logError } from '@/lib/log';
import { matchPatterns, siteOf } from '@/lib/sites';

export default defineContentScript({
  matches: matchPatterns(),
  // As the page starts loading: the background's first answer (signed in, which sites and lists)
  // comes while the page is parsed, so the rows are asked about as soon as they are in. Nothing
  // of the page is read or changed before it is parsed.
  runAt: 'document_start',
  main(ctx) {
    // An updated or reloaded extension starts a new copy: this one's claim on the page ends with it.
    ctx.onInvalidated(() => document.documentElement.removeAttribute(PAGE_MARKER));
    Promise.all([startInspector(document, location.href), whenParsed(document)])
      .then(([{ state, connection }]) => {
        const site = siteOf(location.href);
        if (state === 'ready' && site) followListPages(document, site, ctx, connection);
      })
      .catch((error) => logError('host-page', error, { url: location.href }));
  },
});
