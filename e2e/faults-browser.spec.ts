// Issue 9's fault matrix, the browser's part: the service worker stopped in the middle of a
// look-up and of a bulk re-sync, the browser closed with pushes still open and opened again on
// the same profile, and five tabs on one list. Each ends with no error from our code, one cell per
// row, every row as the service holds it, and each push made exactly once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { extensionIn, launchWithExtension } from './browser';
import { expectColumnAsHeld } from './column';
import { expect, fault, test } from './harness';
import { type RowState, seedRows } from './row-states';
import type { TestTenant } from './service';
import { stopServiceWorker } from './service-worker';
import { XERO_INVOICES, xeroInvoice, xeroInvoiceRef, xeroListOf } from './xero';

const ROWS = 8;
const LIST = `${XERO_INVOICES}&PageSize=${ROWS}`;
const fixture = { html: xeroListOf(ROWS) };

/** The rows a re-sync offers to push: not synced or failed. */
const pushable = (states: Record<string, RowState>) => Object.keys(states).filter((id) => states[id] === 'not_synced' || states[id] === 'failed');

/** These rows pushed to their end: synced, the others as they were. */
const syncedAfterPushing = (states: Record<string, RowState>, pushed: string[]) => ({ ...states, ...Object.fromEntries(pushed.map((id) => [id, 'synced'])) });

/** Each of these records was pushed exactly once, and that push succeeded. */
async function expectPushedOnce(tenant: TestTenant, ids: string[]) {
  for (const id of ids) await expect.poll(async () => (await tenant.jobsOf(xeroInvoice(id))).map((job) => job.state), { timeout: 20_000 }).toEqual(['succeeded']);
}

const resyncButton = (page: Page, id: string) => page.locator(`tr[data-id="${id}"] > [data-erp-sync-cell]`).getByRole('button', { name: /^Re-sync/ });

test.describe('fault matrix: the browser', () => {
  test('a look-up in flight when the service worker is stopped: the cells still get their states', async ({ extension, tenant, service, context }) => {
    fault('the service worker stopped during a look-up');
    const states = await seedRows(tenant, ROWS, xeroInvoiceRef);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const slow = service.hold('/v1/statuses/lookup');
    try {
      const page = await extension.openFixture(LIST, fixture);
      await expect.poll(() => slow.arrived()).toBeGreaterThan(0);
      await expect(page.locator('[data-erp-sync-cell] .badge[data-state="loading"]')).toHaveCount(ROWS);
      const stopped = await stopServiceWorker(context, extension);
      // The look-up the stopped worker sent is answered to no one.
      slow.release();
      await stopped.restarted();
      await expectColumnAsHeld(page, states);
      expect(extension.ourErrors(page)).toEqual([]);
    } finally {
      slow.release();
    }
  });

  test("the popup's bulk re-sync survives the service worker being stopped: every row pushed exactly once", async ({ extension, tenant, service, context }) => {
    fault('the service worker stopped during bulk re-sync');
    const states = await seedRows(tenant, ROWS, xeroInvoiceRef);
    const toPush = pushable(states);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await extension.openFixture(LIST, fixture);
    await expectColumnAsHeld(page, states);

    const popup = await extension.openPopup(page);
    const pushes = service.hold('/v1/pushes');
    try {
      await popup.getByRole('button', { name: 'Re-sync all not-synced rows on this page' }).click();
      await popup.getByRole('alertdialog', { name: 'Confirm re-sync' }).getByRole('button', { name: `Re-sync ${toPush.length}` }).click();
      // Every push is on its way, none handled yet, when the worker stops; then they are lost: only
      // what the worker wrote down before sending can bring them back.
      await expect.poll(() => pushes.arrived()).toBe(toPush.length);
      const stopped = await stopServiceWorker(context, extension);
      pushes.drop();
      tenant.runIntegration();
      await stopped.restarted();
    } finally {
      pushes.release();
    }
    await expectColumnAsHeld(page, syncedAfterPushing(states, toPush), 30_000);
    await expectPushedOnce(tenant, toPush);
    for (const id of Object.keys(states).filter((id) => !toPush.includes(id))) expect(await tenant.jobsOf(xeroInvoice(id))).toEqual([]);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('pushes open when the browser closes are finished when it opens again on the same profile', async ({ tenant, service }) => {
    fault('the browser context closed and reopened with pushes pending');
    test.setTimeout(90_000);
    const states = await seedRows(tenant, ROWS, xeroInvoiceRef);
    // Three ways a push can be open: queued at the service with no integration to run it; sent,
    // but its answer lost with the connection; asked for while the service is down.
    const [queued, answerLost, whileDown] = pushable(states) as [string, string, string];
    const profileDir = await mkdtemp(path.join(tmpdir(), 'erp-sync-profile-'));
    const open = async () => {
      const context = await launchWithExtension({ executablePath: process.env.E2E_CHROMIUM_PATH, profileDir });
      return { context, extension: await extensionIn(context) };
    };
    let browser: BrowserContext | null = null;
    try {
      const first = await open();
      browser = first.context;
      await first.extension.signIn(tenant.serviceUrl, tenant.token);
      const page = await first.extension.openFixture(LIST, fixture);
      await expectColumnAsHeld(page, states);

      await resyncButton(page, queued).click();
      await expect.poll(async () => (await tenant.jobsOf(xeroInvoice(queued))).length).toBe(1);

      const held = service.hold('/v1/pushes');
      try {
        await resyncButton(page, answerLost).click();
        await expect.poll(() => held.arrived()).toBe(1);
        await service.goDown(); // cuts the held push's connection: the browser never hears back
        await resyncButton(page, whileDown).click();
        // The background keeps both to send again.
        await expect
          .poll(async () => (await first.extension.stored<{ ref: RecordRef }>('requests')).map((request) => request.ref.recordId).sort())
          .toEqual([answerLost, whileDown].sort());
        expect(first.extension.ourErrors(page)).toEqual([]);
        await first.context.close();
        browser = null;
      } finally {
        // The lost push reaches the service after all, as a request cut on the way back does.
        held.release();
        await service.comeBack();
      }
      tenant.runIntegration();

      const second = await open();
      browser = second.context;
      const reopened = await second.extension.openFixture(LIST, fixture);
      await expectColumnAsHeld(reopened, syncedAfterPushing(states, [queued, answerLost, whileDown]), 45_000);
      await expectPushedOnce(tenant, [queued, answerLost, whileDown]);
      // The reopened browser sent what was unanswered and followed every push to its end itself.
      await expect.poll(async () => (await second.extension.stored('requests')).length).toBe(0);
      await expect.poll(async () => (await second.extension.stored<{ state: string }>('pushes')).map((push) => push.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      expect(second.extension.ourErrors(reopened)).toEqual([]);
    } finally {
      await browser?.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  test('five tabs on the same list agree: a push from one turns all green, and is made once', async ({ extension, tenant }) => {
    fault('five tabs on the same list');
    const states = await seedRows(tenant, ROWS, xeroInvoiceRef);
    const [pushed] = pushable(states) as [string];
    tenant.runIntegration();
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const tabs: Page[] = [];
    for (let i = 0; i < 5; i++) {
      const tab = await extension.openFixture(LIST, fixture);
      await expectColumnAsHeld(tab, states);
      tabs.push(tab);
    }
    const [first] = tabs as [Page];
    await first.bringToFront();
    await resyncButton(first, pushed).click();
    for (const tab of tabs) await expectColumnAsHeld(tab, syncedAfterPushing(states, [pushed]), 20_000);
    await expectPushedOnce(tenant, [pushed]);
    for (const tab of tabs) expect(extension.ourErrors(tab)).toEqual([]);
  });
});
