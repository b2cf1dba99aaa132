// The fault matrix's service rows (issue 9): each way the sync-status service can fail, put between
// the extension and the real service by a switchable proxy (e2e/fault-proxy.ts), on Xero's classic
// invoice list. For every row: no page error of ours, one cell per row, every cell truthful (what
// the service holds, or "unavailable" saying why), and a re-sync clicked during the fault either
// kept and made exactly once when the service is back, or refused, said so, and never made.
import type { Page } from '@playwright/test';
import type { RecordRef } from '../lib/contract/records';
import { SERVICE_TIMEOUT_MS } from '../lib/background/service-client';
import { brokenContract, type Fault, type FaultProxy, malformedJson, rateLimited, type ReceivedRequest, serverError, startFaultProxy } from './fault-proxy';
import { type ExtensionHarness, expect, fault, test as base } from './harness';
import { newTenant, startTestService, type TestTenant } from './service';
import { badgeOf, cellOf, detailsOf, FIXTURE_ROWS, openXeroList, ownerInvoice, ROW, XERO_INVOICES, xeroInvoice, xeroList } from './xero';

const test = base.extend<{ faults: FaultProxy }>({
  // The extension is signed in to the service through the proxy; it passes everything on until told otherwise.
  faults: async ({ tenant, extension }, use) => {
    const faults = await startFaultProxy(tenant.serviceUrl);
    await extension.signIn(faults.url, tenant.token);
    await use(faults);
    await faults.stop();
  },
});

/** The matrix's rows, in the words of the report. */
const ROWS = {
  downAtLoad: 'service down when the page loads',
  downMidSession: 'service going down and coming back mid-session, a re-sync clicked while it is down',
  serverError: 'service answering 500',
  tooSlow: "service slower than the client's timeout",
  malformed: 'service answering malformed JSON',
  brokenContract: 'service answering valid JSON that breaks the contract',
  revoked: '401 after the token is revoked mid-session',
  storm: 'a storm of 429s with Retry-After',
};

/** Tags the test with a matrix row it covers, for the report. */

const healthy: Fault = { kind: 'none' };
/** Long enough for the service to come back, a back-off or two, and a push to be sent and finished. */
const HEALING_MS = 60_000;
const KEPT = 'The re-sync is kept and will be sent once the service answers.';
const unreachable = (faults: FaultProxy) => new RegExp(`Sync service unreachable at ${faults.url.replaceAll('.', '\\.')}`);

/** What a cell shows that it should not: another state than the service holds, or an "unavailable" that does not say `why`. */
async function untruths(page: Page, tenant: TestTenant, why: RegExp | null): Promise<string[]> {
  const held = await tenant.statesOf(FIXTURE_ROWS.map(xeroInvoice));
  const found: string[] = [];
  for (const [i, id] of FIXTURE_ROWS.entries()) {
    const shown = await badgeOf(page, id).getAttribute('data-state');
    if (shown === held[i]) continue;
    const said = shown === 'error' ? ((await detailsOf(page, id).textContent()) ?? '') : '';
    if (why?.test(said)) continue;
    found.push(`${id} shows ${shown}${said && ` (${said})`}, the service holds ${held[i]}`);
  }
  return found;
}

/** No error of ours, exactly one cell in each row, and every cell truthful (an "unavailable" only when it says `why`). */
async function expectSound(extension: ExtensionHarness, page: Page, tenant: TestTenant, why: RegExp | null = null) {
  expect(extension.ourErrors(page)).toEqual([]);
  await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(FIXTURE_ROWS.length);
  for (const id of FIXTURE_ROWS) await expect(cellOf(page, id)).toHaveCount(1);
  await expect.poll(() => untruths(page, tenant, why), { timeout: HEALING_MS }).toEqual([]);
}

/** Marks the page, to show later that it was never reloaded (healing is the extension's, not a reload's). */
const markVisit = (page: Page) => page.evaluate(() => void ((window as { sameVisit?: boolean }).sameVisit = true));
const sameVisit = (page: Page) => page.evaluate(() => (window as { sameVisit?: boolean }).sameVisit === true);

/** Waits, while the fault lasts, for what a test wants to see of it; by default nothing more. */
type Lasting = () => Promise<void>;
const briefly: Lasting = async () => undefined;

/**
 * The fault from before the list opens: every cell says why it has no status; once the fault ends
 * they heal by the store's retries, without a reload.
 */
async function faultAtLoad(extension: ExtensionHarness, tenant: TestTenant, faults: FaultProxy, fault: Fault, said: RegExp, lasting = briefly): Promise<Page> {
  await faults.set(fault);
  const page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
  await markVisit(page);
  for (const id of FIXTURE_ROWS) {
    await expect(badgeOf(page, id)).toHaveAttribute('aria-label', 'Sync status unavailable', { timeout: SERVICE_TIMEOUT_MS + 10_000 });
    await expect(detailsOf(page, id)).toContainText(said);
  }
  await expectSound(extension, page, tenant, said);
  await lasting();
  await faults.set(healthy);
  await expect(badgeOf(page, ROW.synced)).toHaveAttribute('data-state', 'synced', { timeout: HEALING_MS });
  await expectSound(extension, page, tenant);
  expect(await sameVisit(page)).toBe(true);
  return page;
}

/**
 * The fault in the middle of a session, a re-sync clicked meanwhile: the user is told why, and
 * whether it is kept. Once the fault ends, a kept push is made exactly once; a refused one never.
 */
async function pushDuringFault(extension: ExtensionHarness, tenant: TestTenant, faults: FaultProxy, page: Page, fault: Fault, said: RegExp, kept: boolean, lasting = briefly) {
  const ref = xeroInvoice(ROW.notSynced);
  await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'not_synced');
  await faults.set(fault);
  await cellOf(page, ROW.notSynced).getByRole('button', { name: 'Re-sync to Procore' }).click();
  const told = detailsOf(page, ROW.notSynced);
  await expect(told).toContainText(said, { timeout: SERVICE_TIMEOUT_MS + 10_000 });
  if (kept) await expect(told).toContainText(KEPT);
  else await expect(told).not.toContainText(KEPT);
  // A late answer means the service did the work: it may move on while the extension cannot hear of it.
  if (fault.kind !== 'late') await expectSound(extension, page, tenant, said);
  await lasting();
  await faults.set(healthy);
  if (kept) {
    // Sent (or heard of) once the service answers: the cell says it is under way, then done.
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'pending', { timeout: HEALING_MS });
    await expectSound(extension, page, tenant);
    tenant.runIntegration();
    await expect(badgeOf(page, ROW.notSynced)).toHaveAttribute('data-state', 'synced', { timeout: HEALING_MS });
  } else {
    // Nothing of it is left to send, and the cell offers the re-sync again.
    await expect.poll(() => extension.stored('requests')).toEqual([]);
    await expect(cellOf(page, ROW.notSynced).getByRole('button', { name: 'Re-sync to Procore' })).toBeVisible();
  }
  await expectSound(extension, page, tenant);
  expect(await tenant.jobsOf(ref)).toHaveLength(kept ? 1 : 0);
  // The audit log has the click once: its failure, then (kept) its job, not one entry per try. The
  // change feed may show the job's end before the push tracker's next round writes it down.
  const audited = async () => (await extension.stored<{ action: string; outcome: string }>('audit')).filter((entry) => entry.action === 'push').map((entry) => entry.outcome);
  await expect.poll(audited).toEqual(kept ? [expect.any(String), 'queued', 'succeeded'] : [expect.any(String)]);
}

/** What a request asks the service about: its route, and for a look-up each record it names. */
function asked({ method, path, body }: ReceivedRequest): string[] {
  const route = `${method} ${path.replace(/[0-9a-f-]{36}$/, ':id')}`;
  const refs = path === '/v1/statuses/lookup' ? (JSON.parse(body) as { refs: RecordRef[] }).refs : [];
  return refs.length > 0 ? refs.map((ref) => `${route} ${ref.recordId}`) : [route];
}

/** The same thing asked again sooner than `ms` after the last time: what a client honouring Retry-After never does. */
function askedTooSoon(requests: ReceivedRequest[], ms: number): string[] {
  const last = new Map<string, number>();
  const found: string[] = [];
  for (const request of requests) {
    for (const what of asked(request)) {
      const before = last.get(what);
      if (before !== undefined && request.at - before < ms) found.push(`${what} again after ${request.at - before} ms`);
      last.set(what, request.at);
    }
  }
  return found;
}

/** The most requests a client honouring Retry-After sends over the span of these: per thing asked, the first and one per wait. */
function mostAllowed(requests: ReceivedRequest[], ms: number): number {
  const span = (requests.at(-1)?.at ?? 0) - (requests[0]?.at ?? 0);
  return new Set(requests.flatMap(asked)).size * (Math.floor(span / ms) + 1);
}

test.describe('fault matrix: the sync-status service', () => {
  test.beforeEach(async ({ tenant }) => {
    await tenant.report(xeroList);
  });

  test('down when the page loads: every cell says it is unreachable, and heals without a reload when it comes up', async ({ extension, tenant, faults }) => {
    fault(ROWS.downAtLoad);
    test.setTimeout(120_000);
    await faultAtLoad(extension, tenant, faults, { kind: 'down' }, unreachable(faults));
  });

  test('going down and coming back mid-session: a re-sync clicked meanwhile is kept and made once, and what changed meanwhile arrives', async ({ extension, tenant, faults, context }) => {
    fault(ROWS.downMidSession);
    test.setTimeout(120_000);
    // What the browser could not even send (refused): the proxy never sees it.
    const refused: string[] = [];
    context.on('requestfailed', (request) => void (request.url().startsWith(faults.url) && refused.push(new URL(request.url()).pathname)));
    const page = await openXeroList(extension);
    await markVisit(page);
    await expectSound(extension, page, tenant);
    await pushDuringFault(extension, tenant, faults, page, { kind: 'down' }, unreachable(faults), true, async () => {
      // Meanwhile the integration fixes the blocked invoice, while the change feed finds the service gone.
      await tenant.report([{ ref: xeroInvoice(ROW.blocked), state: 'synced', counterpart: { ref: ownerInvoice(2), number: 'PA-09' } }]);
      await expect.poll(() => refused.filter((path) => path === '/v1/changes').length, { timeout: HEALING_MS }).toBeGreaterThan(0);
    });
    await expect(badgeOf(page, ROW.blocked)).toHaveAttribute('aria-label', 'Synced with Procore PA-09');
    expect(await sameVisit(page)).toBe(true);
  });

  const notUnderstood = /answered in a form this extension does not understand/;
  /** Faults in the answer: each at page load, then in the middle of a session with a re-sync clicked. */
  const answerFaults: { title: string; row: string; fault: Fault; said: RegExp; kept: boolean }[] = [
    { title: 'answering 500: cells say it failed, heal, and a re-sync clicked meanwhile is kept and made once', row: ROWS.serverError, fault: serverError, said: /failed \(HTTP 500\)/, kept: true },
    {
      title: 'slower than the client waits: cells say it did not answer in time, and a re-sync whose answer came too late is made once',
      row: ROWS.tooSlow,
      // The service does the work; its answer comes after the client gave up.
      fault: { kind: 'late', ms: SERVICE_TIMEOUT_MS + 5_000 },
      said: new RegExp(`did not answer within ${SERVICE_TIMEOUT_MS / 1000} s`),
      kept: true,
    },
    { title: 'malformed JSON: cells say the answer is not understood, and a re-sync refused so is never made', row: ROWS.malformed, fault: malformedJson, said: notUnderstood, kept: false },
    { title: 'valid JSON that breaks the contract: the same, nothing of it shown as a status', row: ROWS.brokenContract, fault: brokenContract, said: notUnderstood, kept: false },
  ];
  for (const { title, row: covered, fault: answer, said, kept } of answerFaults) {
    test(title, async ({ extension, tenant, faults }) => {
      fault(covered);
      test.setTimeout(180_000);
      const page = await faultAtLoad(extension, tenant, faults, answer, said);
      await pushDuringFault(extension, tenant, faults, page, answer, said, kept);
    });
  }

  test('401 after the token is revoked mid-session: every cell says so and what to do, nothing can be pushed, and signing in again heals', async ({ extension, tenant, faults }) => {
    fault(ROWS.revoked);
    test.setTimeout(120_000);
    const page = await openXeroList(extension);
    await markVisit(page);
    await expectSound(extension, page, tenant);
    await tenant.revokeToken();
    // No action of the user's is needed for the page to hear of it.
    const said = /The sync service rejected your token: sign in again in Options\./;
    for (const id of FIXTURE_ROWS) {
      await expect(badgeOf(page, id)).toHaveAttribute('aria-label', 'Sync status unavailable', { timeout: HEALING_MS });
      await expect(detailsOf(page, id)).toContainText(said);
    }
    await expect(page.getByRole('button', { name: /Re-sync/ })).toHaveCount(0);
    await expectSound(extension, page, tenant, said);

    // What the cells say to do: sign in again in Options, with a new token.
    const options = await extension.openExtensionPage('options.html');
    await options.getByLabel('Service URL').fill(faults.url);
    await options.getByLabel('API token').fill(await tenant.tokenWith(['read', 'push', 'lock']));
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status')).toContainText('Saved. Connected to Harbour View Builders (test)');
    await expect(badgeOf(page, ROW.synced)).toHaveAttribute('data-state', 'synced', { timeout: HEALING_MS });
    await expectSound(extension, page, tenant);
    expect(await tenant.jobsOf(xeroInvoice(ROW.notSynced))).toEqual([]);
    expect(await sameVisit(page)).toBe(true);
    expect(extension.ourErrors(options)).toEqual([]);
  });

  test('a storm of 429s: the extension asks no sooner than Retry-After says, tells the user, and recovers when it ends', async ({ extension, tenant, faults }) => {
    fault(ROWS.storm);
    test.setTimeout(240_000);
    const retryAfterSeconds = 3;
    const storm = rateLimited(retryAfterSeconds);
    const said = new RegExp(`busy: trying again in ${retryAfterSeconds} s`);
    const stormed = () => faults.received().filter((request) => request.fault === 'answer');
    /** Lasts until `n` more requests were answered 429 (to `path` only, if given). */
    const lastingFor = (n: number, path?: string) => {
      const counted = () => stormed().filter((request) => !path || request.path === path).length;
      const start = counted();
      return () => expect.poll(counted, { timeout: HEALING_MS }).toBeGreaterThanOrEqual(start + n);
    };

    // From the page's first look-up: the look-ups and the change feed back off while it lasts.
    const page = await faultAtLoad(extension, tenant, faults, storm, said, lastingFor(8));
    const atLoad = stormed();
    expect(askedTooSoon(atLoad, retryAfterSeconds * 1000)).toEqual([]);
    expect(atLoad.length).toBeLessThanOrEqual(mostAllowed(atLoad, retryAfterSeconds * 1000));

    // Mid-session, a re-sync clicked: it is kept, sent again no sooner than asked, and made once.
    await pushDuringFault(extension, tenant, faults, page, storm, said, true, lastingFor(5, '/v1/pushes'));
    const midSession = stormed().slice(atLoad.length);
    expect(askedTooSoon(midSession, retryAfterSeconds * 1000)).toEqual([]);
    expect(midSession.length).toBeLessThanOrEqual(mostAllowed(midSession, retryAfterSeconds * 1000));
  });
});

test.describe("fault matrix: the service's own refusals reach the cell", () => {
  test('its rate limit (and when it will ask again), and HTTP 500 when its database has gone away', async ({ extension }) => {
    fault(ROWS.storm);
    fault(ROWS.serverError);
    test.setTimeout(60_000);
    const expectSaid = async (serviceUrl: string, token: string, said: RegExp) => {
      await extension.signIn(serviceUrl, token);
      const page = await extension.openFixture(XERO_INVOICES, 'xero/invoices-classic.html');
      await expect(badgeOf(page, ROW.synced)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
      await badgeOf(page, ROW.synced).hover();
      await expect(cellOf(page, ROW.synced).getByRole('tooltip')).toContainText(said);
      expect(extension.ourErrors(page)).toEqual([]);
      await page.close();
    };

    // A real service that allows this token nothing this minute.
    const strict = await startTestService({ rateLimitPerMinute: 0 });
    const strictTenant = await newTenant(strict);
    await expectSaid(strict.url, strictTenant.token, /busy: trying again in \d+ s/);
    await strict.stop();

    // A real service whose database has gone away.
    const broken = await startTestService();
    const brokenTenant = await newTenant(broken);
    await broken.database.close();
    await expectSaid(broken.url, brokenTenant.token, /failed \(HTTP 500\)/);
    await broken.stop().catch(() => undefined);
  });
});
