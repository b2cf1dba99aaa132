// The content script for every supported host page (Procore, Xero, Zoho Books). One entry for all
// three families keeps one copy of our code per page; the site is decided at run time.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInspector } from '@/lib/content/inspector';
import { logError } from '@/lib/log';
import { matchPatterns } from '@/lib/sites';

export default defineContentScript({
  matches: matchPatterns(),
  runAt: 'document_idle',
  main() {
    startInspector(document, location.href).catch((error) => logError('host-page', error, { url: location.href }));
  },
});
