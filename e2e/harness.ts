// The end-to-end harness: a real Chromium with the built extension loaded, fixture pages served
// at the real origins of the sites we decorate, and handles on the extension's service worker and
// pages. A test asks for `extension` and opens a page in one line:
//   const page = await extension.openFixture('https://go.xero.com/...', 'xero/invoices.html');
import { type BrowserContext, test as base, expect } from '@playwright/test';
import { type ExtensionHarness, extensionIn, launchWithExtension } from './browser';
import { newTenant, type RunningService, startTestService, type TestTenant } from './service';

export type { ExtensionHarness, Fixture } from './browser';

export const test = base.extend<
  {
    context: BrowserContext;
    extension: ExtensionHarness;
    tenant: TestTenant & { serviceUrl: string } & Pick<RunningService, 'lookups' | 'lookupLog'>;
  },
  { service: RunningService }
>({
  // One real service per test worker; each test has a tenant of its own in it.
  service: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies in a pattern
    async ({}, use) => {
      const service = await startTestService();
      await use(service);
      await service.stop();
    },
    { scope: 'worker' },
  ],

  tenant: async ({ service }, use) => {
    const tenant = await newTenant(service);
    await use({ ...tenant, serviceUrl: service.url, lookups: () => service.lookups(), lookupLog: () => service.lookupLog() });
    await tenant.end();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies in a pattern
  context: async ({}, use) => {
    const context = await launchWithExtension({ executablePath: process.env.E2E_CHROMIUM_PATH });
    await use(context);
    await context.close();
  },

  extension: async ({ context }, use) => {
    await use(await extensionIn(context));
  },
});

export { expect };

/** Tags the running test with the rows of a matrix it tries, in plain words: the README's report counts them (scripts/matrix-report.mjs). */
const triesRows =
  (type: 'fault' | 'attack') =>
  (...descriptions: string[]) => {
    for (const description of descriptions) test.info().annotations.push({ type, description });
  };
export const fault = triesRows('fault');
export const attack = triesRows('attack');
