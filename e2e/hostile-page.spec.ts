// Attack matrix (issue 9), a web page against the extension: a hostile page at a supported
// origin, and pages elsewhere, try every way a page has to talk to us, to make us push, lock or
// unlock, and to read the token. Each test names the rows it covers in "attack" annotations.
import type { BrowserContext, Page } from '@playwright/test';
import { recordKey } from '../lib/contract/records';
import { CHANNEL } from '../lib/messaging/channel';
import { backgroundMethods, type MethodName, type ParamsOf } from '../lib/messaging/protocol';
import { attack, expect, test } from './harness';
import { brokenIds, expectNoPayloadRan } from './payloads';
import { directCost, PROJECT, procoreGridPage, serveProcoreAssets, TOOLS } from './procore';
import { seedRows } from './row-states';

const LIST = `https://us02.procore.com/${PROJECT}/project/direct_costs`;
/** On the list: one the page would push and lock, one locked it would unlock, one the person re-syncs. */
const [target, locked, personal] = [directCost(0), directCost(1), directCost(2)];

const cellOf = (page: Page, n: number) => page.locator(`tr:has(a[href$="/${directCost(n).recordId}"]) > [data-erp-sync-cell]`);

/** Opens the list signed in, once every row shows the controls a page would go for. */
async function openList(extension: { openFixture(url: string, fixture: string): Promise<Page> }) {
  const page = await extension.openFixture(LIST, 'procore/direct-costs-legacy.html');
  await expect(cellOf(page, 0).getByRole('button', { name: /^Re-sync to/ })).toBeVisible();
  await expect(cellOf(page, 0).getByRole('button', { name: 'Lock against edits in Procore' })).toBeVisible();
  await expect(cellOf(page, 1).getByRole('button', { name: /^Unlock/ })).toBeVisible();
  return page;
}

/**
 * Our content script's world in a page (the extension's isolated world), reached through the
 * browser's devtools protocol; null where the content script does not run.
 */
async function contentScriptWorld(page: Page, extensionId: string) {
  const devtools = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string }[] = [];
  devtools.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await devtools.send('Runtime.enable'); // reports the worlds that exist, before it answers
  const ours = worlds.find((world) => world.origin === `chrome-extension://${extensionId}`);
  if (!ours) return null;
  return {
    /** Runs `script(arg)` there, as our own code in the page could, and gives back its answer. */
    async run<A>(script: (arg: A) => Promise<unknown>, arg: A): Promise<any> {
      const { result, exceptionDetails } = await devtools.send('Runtime.evaluate', {
        contextId: ours.id,
        expression: `(${script.toString()})(${JSON.stringify(arg)})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`In the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
  };
}

/**
 * Everything a script of the page can read: the document with our open shadow roots and every
 * attribute, its own globals, storage and cookies, the addresses it loaded, the messages posted
 * to it; and the console, where the page could read what we log.
 */
async function whatThePageCanSee(page: Page, consoleText: string[]): Promise<string> {
  const inPage = await page.evaluate(() => {
    const seen: string[] = [document.documentElement.outerHTML];
    const walk = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) seen.push(attribute.value);
        if (element.shadowRoot) {
          seen.push(element.shadowRoot.innerHTML);
          walk(element.shadowRoot);
        }
      }
    };
    walk(document);
    // The page's own globals: what a fresh window does not have.
    const blank = document.createElement('iframe');
    document.body.append(blank);
    const builtIn = new Set(Object.getOwnPropertyNames(blank.contentWindow));
    blank.remove();
    for (const name of Object.getOwnPropertyNames(window).filter((key) => !builtIn.has(key))) {
      const value = (window as any)[name];
      try {
        seen.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      } catch {
        seen.push(`${name}=${String(value)}`); // not serialisable (cyclic): its description is what is left to see
      }
    }
    seen.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie);
    seen.push(...performance.getEntriesByType('resource').map((entry) => entry.name));
    seen.push(...((window as any).postedToThePage ?? []));
    return seen.join('\n');
  });
  return `${inPage}\n${consoleText.join('\n')}`;
}

/** Every console message of the context's pages, from now on. */
function consoleOf(context: BrowserContext): string[] {
  const text: string[] = [];
  context.on('console', (message) => text.push(message.text()));
  return text;
}

test.describe('attack matrix: a web page against the extension', () => {
  test('a hostile page at a supported origin cannot message the extension, drive its cell, or make it push, lock or unlock', async ({ extension, tenant, context }) => {
    attack(
      'a web page at a supported origin calls chrome.runtime.sendMessage / connect with our id (no externally_connectable): no API, nothing received',
      'a web page posts our protocol\'s messages with window.postMessage and dispatches the DOM events our content script listens to',
      'a web page clicks our cell\'s controls from its scripts (re-sync, lock, unlock, details): nothing pushed, locked, unlocked or opened',
      'the token never appears in the page: document, shadow roots, attributes, globals, storage, loaded addresses, posted messages, console',
    );
    const consoleText = consoleOf(context);
    await tenant.report([target, locked, personal].map((ref) => ({ ref, state: 'not_synced' as const })));
    await tenant.lock(locked);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await openList(extension);
    const pagesBefore = context.pages().length;

    // The page's own script, in its own world, with what any page can know: our id is public.
    const tried = await page.evaluate(
      async ({ extensionId, channel, target, locked }) => {
        const outcome: Record<string, string | number> = {};
        const posted: string[] = [];
        (window as any).postedToThePage = posted;
        window.addEventListener('message', (event) => posted.push(JSON.stringify(event.data)));
        const runtime = (window as any).chrome?.runtime;
        outcome.runtime = runtime ? 'present' : 'absent';
        for (const [name, attempt] of [
          ['sendMessage', () => runtime.sendMessage(extensionId, { channel, method: 'getConnection', params: {} })],
          ['connect', () => runtime.connect(extensionId, { name: 'erp-sync-updates' })],
        ] as const) {
          try {
            outcome[name] = runtime?.[name] ? `answered ${JSON.stringify(await attempt())}` : 'no API';
          } catch (error) {
            outcome[name] = `refused: ${String(error)}`;
          }
        }
        try {
          await fetch(`chrome-extension://${extensionId}/manifest.json`);
          outcome.extensionFiles = 'read';
        } catch {
          outcome.extensionFiles = 'refused';
        }
        // Our protocol's shapes: calls to the background, and the popup's requests to a page.
        const messages = [
          { channel, method: 'pushRecord', params: { ref: target, version: null } },
          { channel, method: 'lockRecord', params: { ref: target } },
          { channel, method: 'unlockRecord', params: { ref: locked } },
          { channel, method: 'saveConnection', params: { serviceUrl: 'https://attacker.example', token: 'sst_attacker' } },
          { channel, method: 'getSettings', params: {} },
          { channel, to: 'page', ask: 'resync-not-synced' },
          { channel, to: 'page', ask: 'report' },
        ];
        for (const message of messages) {
          window.postMessage(message, '*');
          for (const target of [window, document]) target.dispatchEvent(new CustomEvent(channel, { detail: message }));
        }
        // The events our content script follows the page's address by (WXT's among them).
        for (const type of ['hashchange', 'popstate', 'wxt:locationchange', `${extensionId}:host-page:wxt:locationchange`]) {
          window.dispatchEvent(new Event(type));
        }
        // Every button of every cell, as a script can reach them through the open shadow roots.
        let clicked = 0;
        for (const holder of document.querySelectorAll('[data-erp-sync-cell] > span')) {
          for (const button of holder.shadowRoot?.querySelectorAll('button') ?? []) {
            button.click();
            button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
            button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
            clicked++;
          }
        }
        outcome.clicked = clicked;
        return outcome;
      },
      { extensionId: extension.id, channel: CHANNEL, target, locked },
    );
    expect(tried).toEqual({ runtime: 'absent', sendMessage: 'no API', connect: 'no API', extensionFiles: 'refused', clicked: expect.any(Number) });
    // Four badges, re-sync and lock on two rows, unlock on one: the script did reach our controls.
    expect(tried.clicked).toBeGreaterThanOrEqual(8);

    // A person opens the unlock confirmation; the page submits it, and clicks its Unlock, by script.
    await cellOf(page, 1).getByRole('button', { name: /^Unlock/ }).click();
    const confirm = cellOf(page, 1).getByRole('form', { name: 'Unlock this record' });
    await expect(confirm).toBeVisible();
    await page.evaluate(() => {
      for (const holder of document.querySelectorAll('[data-erp-sync-cell] > span')) {
        const form = holder.shadowRoot?.querySelector('form');
        form?.requestSubmit();
        form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      }
    });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);

    // Then the person re-syncs a row: once the service has that push, it has all the page caused.
    await cellOf(page, 2).getByRole('button', { name: /^Re-sync to/ }).click();
    await expect
      .poll(() => tenant.actions(), { timeout: 15_000 })
      .toEqual([
        { kind: 'locked', recordKey: recordKey(locked) }, // the test's own set-up
        { kind: 'pushed', recordKey: recordKey(personal) },
      ]);
    expect(await tenant.jobsOf(target)).toEqual([]);
    await expect(cellOf(page, 0).locator('.badge')).toHaveAttribute('data-state', 'not_synced');
    await expect(cellOf(page, 1).getByRole('button', { name: /^Unlock/ })).toBeVisible();
    // No side panel, options page or panel tab was opened for the page.
    expect(await extension.openSidePanels()).toBe(0);
    expect(context.pages()).toHaveLength(pagesBefore);
    // The connection is the one the person saved, not the page's.
    expect(await extension.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('serviceConnection')).serviceConnection)).toEqual({
      serviceUrl: tenant.serviceUrl,
      token: tenant.token,
    });

    const seen = await whatThePageCanSee(page, consoleText);
    expect(seen).toContain('data-state="pending"'); // the walk reached inside our shadow roots
    expect(seen).not.toContain(tenant.token);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test('pages at unrelated and look-alike origins get no content script, cannot message the extension and see no token', async ({ extension, tenant, context }) => {
    attack(
      'a web page at an unrelated origin calls chrome.runtime.sendMessage / connect with our id and reads our files: no API, refused',
      'a look-alike host (app.procore.com.evil.example) showing a supported list gets no content script',
    );
    const consoleText = consoleOf(context);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const unrelated = await extension.openFixture('https://example.com/', { html: '<!doctype html><title>Elsewhere</title><p>An ordinary page</p>' });
    const tried = await unrelated.evaluate(
      async ({ extensionId, channel }) => {
        const runtime = (window as any).chrome?.runtime;
        const answers: string[] = [];
        try {
          if (runtime?.sendMessage) answers.push(JSON.stringify(await runtime.sendMessage(extensionId, { channel, method: 'getConnection', params: {} })));
          if (runtime?.connect) answers.push(String(runtime.connect(extensionId)));
        } catch (error) {
          answers.push(`refused: ${String(error)}`);
        }
        let files = 'refused';
        await fetch(`chrome-extension://${extensionId}/popup.html`).then(
          () => (files = 'read'),
          () => undefined,
        );
        window.postMessage({ channel, method: 'getConnection', params: {} }, '*');
        return { runtime: runtime ? 'present' : 'absent', answers, files };
      },
      { extensionId: extension.id, channel: CHANNEL },
    );
    expect(tried).toEqual({ runtime: 'absent', answers: [], files: 'refused' });

    const lookAlike = await extension.openFixture(`https://app.procore.com.evil.example/${PROJECT}/project/direct_costs`, 'procore/direct-costs-legacy.html');
    await expect(lookAlike.locator('table.item-list tbody tr')).toHaveCount(4);
    // Content scripts run by the page's load at the latest (document_idle): none of ours ran on either.
    for (const page of [unrelated, lookAlike]) {
      expect(await contentScriptWorld(page, extension.id), page.url()).toBeNull();
      await expect(page.locator('[data-erp-sync-inspector], [data-erp-sync-cell], [data-erp-sync-header]')).toHaveCount(0);
      expect(await whatThePageCanSee(page, consoleText)).not.toContain(tenant.token);
    }
    // The same list at its real address does get it: the check above can see one.
    const real = await extension.openFixture(LIST, 'procore/direct-costs-legacy.html');
    await expect(real.locator('[data-erp-sync-cell]')).toHaveCount(4);
    expect(await contentScriptWorld(real, extension.id)).not.toBeNull();
  });

  test('the token is out of reach of the page, and even of our own content script: storage refused, no answer carries it', async ({ extension, tenant }) => {
    attack(
      'a web page reads chrome.storage: no API',
      'our content script\'s world reads storage.local and storage.session, where the token is: refused (access level: trusted contexts)',
      'our content script\'s world calls every background method: the ones it may call never answer the token; settings, sign-in and the account are refused',
    );
    await tenant.report([target, locked].map((ref) => ({ ref, state: 'not_synced' as const })));
    await tenant.lock(locked);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    const page = await openList(extension);
    expect(await page.evaluate(() => typeof (window as any).chrome?.storage)).toBe('undefined');

    const world = await contentScriptWorld(page, extension.id);
    if (!world) throw new Error('Our content script does not run on the list');
    const storage = await world.run(async () => {
      const { storage } = (globalThis as any).chrome;
      const read = (area: { get(keys: null): Promise<unknown> }) =>
        area.get(null).then(
          (items) => `read ${JSON.stringify(items)}`,
          (error: Error) => `refused: ${error.message}`,
        );
      return { local: await read(storage.local), session: await read(storage.session) };
    }, null);
    expect(storage).toEqual({ local: expect.stringMatching(/^refused: .*not allowed/), session: expect.stringMatching(/^refused: .*not allowed/) });

    // Every method, with parameters that pass the protocol: a new method must be added here.
    const attacker = { serviceUrl: 'https://attacker.example', token: 'sst_attacker' };
    const calls: { [M in MethodName]: ParamsOf<M> } = {
      getConnection: {},
      getStatuses: { refs: [target, locked] },
      rememberFirstScreen: { refs: [target] },
      pushRecord: { ref: locked, version: null }, // refused: it is locked
      lockRecord: { ref: locked }, // refused: already locked
      unlockRecord: { ref: target }, // refused: not locked
      openOptions: {},
      showInPanel: { ref: target },
      getErrorSummary: {},
      resolveUrl: { url: `${LIST}/${target.recordId}` },
      getHistory: { ref: target },
      getAuditLog: {},
      getAccount: {},
      getSettings: {},
      setSiteDecorated: { site: 'procore', on: false },
      setListDecorated: { list: 'procore_direct_costs', on: false },
      saveConnection: attacker,
      testConnection: attacker,
      signOut: {},
    };
    const answers: Record<string, any> = await world.run(
      async ({ channel, calls }) => {
        const { runtime } = (globalThis as any).chrome;
        const answers: Record<string, unknown> = {};
        for (const [method, params] of Object.entries(calls)) answers[method] = await runtime.sendMessage({ channel, method, params });
        return answers;
      },
      { channel: CHANNEL, calls },
    );
    expect(JSON.stringify(answers)).not.toContain(tenant.token);
    for (const [method, spec] of Object.entries(backgroundMethods)) {
      const mayCall = (spec.callers as readonly string[]).includes('content-script');
      if (!mayCall) expect(answers[method], method).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      else expect(answers[method]?.error?.code, method).not.toBe('forbidden_sender');
    }
    expect(answers.getConnection).toEqual({ ok: true, result: { signedIn: true, version: expect.any(String), decorates: true, hiddenLists: [] } });
    expect(answers.getStatuses.result.statuses).toHaveLength(2);
    expect(answers.pushRecord).toMatchObject({ ok: false, error: { code: 'record_locked' } });
    // Still signed in to the person's service, every site still decorated.
    expect(await extension.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('serviceConnection')).serviceConnection)).toEqual({
      serviceUrl: tenant.serviceUrl,
      token: tenant.token,
    });
    await expect(cellOf(page, 0).locator('.badge')).toHaveAttribute('data-state', 'not_synced');
  });

  test("the page-world grid helper, asked by the page itself, adds only an empty column and hands over nothing but its definition", async ({ extension, tenant }) => {
    attack(
      "a web page sets the request attribute of our page-world grid helper, on its grid and on a fake one: an empty column, no cell, no look-up, no token",
    );
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    // A grid on a tool that is not a list we decorate: the content script draws nothing here.
    const page = await extension.openFixture(`${TOOLS}/budget`, { html: procoreGridPage([0, 1, 2].map((n) => ({ id: directCost(n).recordId, vendor: 'Bayline Concrete Pty Ltd' }))) });
    await expect(page.locator('.ag-row').first()).toBeVisible();
    const lookupsBefore = tenant.lookups();
    await page.evaluate(() => {
      document.querySelector('.ag-root-wrapper')?.setAttribute('data-erp-sync-column', 'ERP Synced');
      // A fake grid whose "API" records what the helper gives it.
      const received: string[] = [];
      (window as any).givenToTheGrid = received;
      const api = {
        isDestroyed: () => false,
        isModuleRegistered: () => true,
        getColumn: () => undefined,
        getColumnDefs: () => [{ field: 'amount' }],
        setGridOption: (key: string, value: unknown) => received.push(JSON.stringify([key, value])),
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      const fake = document.createElement('div');
      fake.className = 'ag-root-wrapper';
      const headerCell = document.createElement('div');
      headerCell.className = 'ag-header-cell';
      (headerCell as any).__AG_fake = { headerCtrl: { beans: { gridApi: api } } };
      fake.append(headerCell);
      fake.setAttribute('data-erp-sync-column', 'ERP Synced');
      document.body.append(fake);
    });
    await expect(page.locator('.ag-header-cell[col-id="erp_synced"]')).toHaveCount(1);
    await expect.poll(() => page.evaluate(() => (window as any).givenToTheGrid.length)).toBe(1);
    const given = JSON.parse(await page.evaluate(() => (window as any).givenToTheGrid[0]));
    expect(given[0]).toBe('columnDefs');
    expect(given[1].map((def: { colId?: string; field?: string }) => def.colId ?? def.field)).toEqual(['amount', 'erp_synced']);
    expect(JSON.stringify(given)).not.toContain(tenant.token);
    // The slots stay empty: no cell and no look-up for a page that asked for the column itself.
    await expect(page.locator('.ag-row [data-erp-sync-slot]').first()).toBeAttached();
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(0);
    expect(tenant.lookups()).toBe(lookupsBefore);
    expect(extension.ourErrors(page)).toEqual([]);
  });

  test("the grid helper's rows ahead, asked for by the page and forged by it, give it nothing and make us ask about well-formed ids only", async ({ extension, tenant, context }) => {
    attack(
      "a web page asks our page-world grid helper for the rows ahead of its grid, on a grid that asked for our column and on one that did not: answered from its own grid's data only, nothing looked up, no token",
      "a web page forges the grid helper's answer of rows ahead (ids holding markup, javascript:, direction and zero-width characters, fullwidth digits, 6,000 digits): only well-formed ids of the list are looked up, read-only; nothing pushed or locked, no cell, no token",
    );
    const consoleText = consoleOf(context);
    const rows = 300;
    const states = await seedRows(tenant, rows, directCost);
    await extension.signIn(tenant.serviceUrl, tenant.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    const costs = Array.from({ length: rows }, (_, i) => ({ id: directCost(i).recordId, vendor: `Vendor ${i}` }));
    const page = await extension.openFixture(`${TOOLS}/direct_costs`, { html: procoreGridPage(costs) });
    const badgeOf = (n: number) => page.locator(`.ag-row[row-id="${directCost(n).recordId}"] [data-erp-sync-cell] .badge`);
    await expect(badgeOf(0)).toHaveAttribute('data-state', states[directCost(0).recordId] as string);
    await expect(page.locator('[data-erp-sync-cell] .badge[data-state="loading"]')).toHaveCount(0);
    await page.waitForTimeout(300); // the first look-up is all sent
    const lookupsBefore = tenant.lookups();
    const cellsBefore = await page.locator('[data-erp-sync-cell]').count();

    // The page asks the helper itself, naming rows of its grid by their record ids, then by a vendor.
    const answers = await page.evaluate((ids) => {
      const ask = (grid: Element, known: [string, string][]) => {
        grid.setAttribute('data-erp-sync-rows-wanted', JSON.stringify({ from: 2, step: 1, count: 500, known }));
        grid.dispatchEvent(new Event('erp-sync-rows-wanted'));
        const answer = grid.getAttribute('data-erp-sync-rows');
        grid.removeAttribute('data-erp-sync-rows');
        return answer;
      };
      const grid = document.querySelector('.ag-root-wrapper') as Element;
      // Another grid root that did not ask for our column, leading to the same grid's API.
      const unasked = document.createElement('div');
      unasked.className = 'ag-root-wrapper';
      const row = document.createElement('div');
      row.className = 'ag-row';
      const drawn = grid.querySelector('.ag-row') as unknown as Record<string, unknown>;
      for (const key of Object.keys(drawn)) if (key.startsWith('__AG_')) (row as unknown as Record<string, unknown>)[key] = drawn[key];
      unasked.append(row);
      document.body.append(unasked);
      const answers = {
        byRecordId: ask(grid, [[ids[0], ids[0]], [ids[1], ids[1]]] as [string, string][]),
        byVendor: ask(grid, [[ids[0], 'Vendor 0']]),
        unasked: ask(unasked, [[ids[0], ids[0]]]),
      };
      unasked.remove();
      return answers;
    }, [directCost(0).recordId, directCost(1).recordId] as const);
    expect(JSON.parse(answers.byRecordId ?? 'null')).toEqual(costs.slice(3).map((cost) => cost.id));
    expect(JSON.parse(answers.byVendor ?? 'null')).toEqual(costs.slice(3).map((cost) => cost.vendor));
    expect(answers.unasked).toBeNull();
    await page.waitForTimeout(300);
    expect(tenant.lookups()).toBe(lookupsBefore);
    await expect(page.locator('[data-erp-sync-cell]')).toHaveCount(cellsBefore);

    // The page stops the helper and answers our request itself, then scrolls its grid.
    const forged = [...brokenIds(directCost(0).recordId), '0598134332797815', '５９８１３４３３２７９９９９９', '598134332799999'];
    await page.evaluate((forged) => {
      window.addEventListener(
        'erp-sync-rows-wanted',
        (event) => {
          event.stopImmediatePropagation();
          (event.target as Element).setAttribute('data-erp-sync-rows', JSON.stringify(forged));
        },
        true,
      );
      const viewport = document.querySelector('.ag-body-viewport') as Element;
      // Ten screens down: past the rows below the first screen, read ahead with it.
      viewport.scrollTop += 10 * viewport.clientHeight;
    }, forged);
    // Ten screens down (one screen is 14 rows), the grid draws rows from about 130 to 164 (its buffer is 10).
    await expect(badgeOf(150)).toHaveAttribute('data-state', states[directCost(150).recordId] as string);
    await page.waitForTimeout(300);
    const asked = tenant.lookupLog().slice(lookupsBefore).flatMap((lookup) => lookup.keys);
    // The most the page achieved: a read-only look-up of a well-formed id of this list's kind.
    expect(asked).toContain(recordKey({ ...directCost(0), recordId: '598134332799999' }));
    for (const key of asked) expect(key).toMatch(new RegExp(`^procore/direct_cost/${PROJECT}/[1-9][0-9]{0,19}$`));
    await expect(page.locator('[data-erp-sync-cell] .badge[data-state="loading"]')).toHaveCount(0);
    expect(await tenant.actions()).toEqual([]);
    await expectNoPayloadRan(page);
    expect(await whatThePageCanSee(page, consoleText)).not.toContain(tenant.token);
    expect(extension.ourErrors(page)).toEqual([]);
  });
});
