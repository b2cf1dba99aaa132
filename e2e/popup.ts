// The toolbar popup, opened on a list page the way a click on the toolbar button opens it.
import type { BrowserContext, Page } from '@playwright/test';

/** Opens the popup in a window of its own, so the list stays the active tab of its window (as when the toolbar button is clicked). */
export async function openPopup(context: BrowserContext, page: Page, extensionId: string): Promise<Page> {
  const devtools = await context.newCDPSession(page);
  const opened = context.waitForEvent('page');
  await devtools.send('Target.createTarget', { url: `chrome-extension://${extensionId}/popup.html`, newWindow: true });
  return opened;
}
