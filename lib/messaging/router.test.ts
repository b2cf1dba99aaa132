import { describe, expect, it, vi } from 'vitest';
import { BackgroundError } from './errors';
import { CHANNEL } from './channel';
import { backgroundMethods, type MethodName } from './protocol';
import { callerOf, createRouter, type Handlers, type Sender } from './router';
import { handlersFor } from './testing';

const extension = { id: 'our-id', baseUrl: 'chrome-extension://our-id/' };
const contentScript = { id: 'our-id', url: 'https://app.procore.com/1/project/direct_costs', tab: { id: 7 } };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };

function routerWith(getConnection: Handlers['getConnection']) {
  return createRouter(handlersFor({ getConnection }), extension);
}

describe('callerOf', () => {
  it('knows our extension pages and our content scripts in supported pages', () => {
    expect(callerOf(popup, extension)).toBe('extension-page');
    expect(callerOf(contentScript, extension)).toBe('content-script');
  });

  it('refuses other extensions, unsupported pages and senders without a tab or URL', () => {
    expect(callerOf({ ...contentScript, id: 'someone-else' }, extension)).toBeNull();
    expect(callerOf({ ...contentScript, url: 'https://example.com/' }, extension)).toBeNull();
    expect(callerOf({ id: 'our-id', url: contentScript.url }, extension)).toBeNull();
    expect(callerOf({ id: 'our-id' }, extension)).toBeNull();
  });
});

describe('createRouter', () => {
  it('answers a valid call with the handler result and passes who called', async () => {
    const handler = vi.fn(async () => ({ signedIn: true, version: '1.0.0', decorates: true, hiddenLists: [] }));
    const answer = await routerWith(handler)({ channel: CHANNEL, method: 'getConnection', params: {} }, contentScript);
    expect(answer).toEqual({ ok: true, result: { signedIn: true, version: '1.0.0', decorates: true, hiddenLists: [] } });
    expect(handler).toHaveBeenCalledWith({}, { caller: 'content-script', tabId: 7, url: contentScript.url });
  });

  it('leaves messages that are not on our channel unanswered', () => {
    const route = routerWith(async () => ({ signedIn: false, version: '1', decorates: true, hiddenLists: [] }));
    expect(route({ method: 'getConnection', params: {} }, contentScript)).toBeUndefined();
    expect(route('hello', contentScript)).toBeUndefined();
  });

  it('refuses an unknown method, a foreign sender and invalid parameters without running the handler', async () => {
    const handler = vi.fn(async () => ({ signedIn: false, version: '1', decorates: true, hiddenLists: [] }));
    const route = routerWith(handler);
    const unknown = await route({ channel: CHANNEL, method: 'deleteEverything', params: {} }, popup);
    const foreign = await route({ channel: CHANNEL, method: 'getConnection', params: {} }, { ...popup, id: 'x' });
    const invalid = await route({ channel: CHANNEL, method: 'getConnection', params: { token: 'x' } }, popup);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('serialises a handler failure with its code and message', async () => {
    const route = routerWith(async () => {
      throw new BackgroundError('service_unreachable', 'Sync service unreachable');
    });
    const answer = await route({ channel: CHANNEL, method: 'getConnection', params: {} }, popup);
    expect(answer).toEqual({ ok: false, error: { code: 'service_unreachable', message: 'Sync service unreachable' } });
  });

  it('serialises an unexpected failure as an internal error', async () => {
    const route = routerWith(async () => {
      throw new TypeError('boom');
    });
    const answer = await route({ channel: CHANNEL, method: 'getConnection', params: {} }, popup);
    expect(answer).toEqual({ ok: false, error: { code: 'internal_error', message: 'boom' } });
  });
});

const methods = Object.keys(backgroundMethods) as MethodName[];
/** What a content script may call; the rest is for the extension's own pages only. */
const contentScriptMethods = methods.filter((method) => (backgroundMethods[method].callers as readonly string[]).includes('content-script'));
const extensionPageMethods = methods.filter((method) => !contentScriptMethods.includes(method));
/** A router whose every handler records that it ran: a refused call must run none. */
function watchedRouter() {
  const ran: string[] = [];
  const handlers = Object.fromEntries(methods.map((method) => [method, async () => void ran.push(method)])) as unknown as Handlers;
  return { route: createRouter(handlers, extension), ran };
}
const call = (method: string, params: unknown = {}) => ({ channel: CHANNEL, method, params });

describe('attack matrix: what a content script may ask of the background, pinned (statuses and one record\'s actions, never settings or the account)', () => {
  it('pins what a content script may call: reading statuses and acting on one record, never the settings or the account', () => {
    expect(contentScriptMethods).toEqual(['getConnection', 'getStatuses', 'rememberFirstScreen', 'pushRecord', 'lockRecord', 'unlockRecord', 'openOptions', 'showInPanel']);
  });
});

describe('attack matrix: a message from another extension', () => {
  it('refuses another extension, even one naming our pages or a supported page', async () => {
    const { route, ran } = watchedRouter();
    const senders: Sender[] = [
      { id: 'someone-else', url: 'chrome-extension://someone-else/background.js' },
      { id: 'someone-else', url: popup.url },
      { id: 'someone-else', url: contentScript.url, tab: { id: 7 } },
      { url: contentScript.url, tab: { id: 7 } },
    ];
    for (const sender of senders) {
      expect(await route(call('getConnection'), sender)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(await route(call('signOut'), sender)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(ran).toEqual([]);
  });
});

describe('attack matrix: a message from a tab at an unsupported or look-alike origin, or a frame with no address', () => {
  it('refuses a tab at an unsupported origin, a look-alike host, and a frame with no address of its own', async () => {
    const { route, ran } = watchedRouter();
    const urls = [
      'https://example.com/',
      'https://app.procore.com.evil.example/598134325548164/project/direct_costs',
      'https://evilprocore.com/598134325548164/project/direct_costs',
      'https://go.xero.com.evil.example/AccountsReceivable/Search.aspx',
      'http://go.xero.com/AccountsReceivable/Search.aspx',
      'https://books.zoho.com.evil.example/app/60012345678#/invoices',
      'about:blank',
      'data:text/html,<p>hi</p>',
      'chrome-extension://our-id-evil/popup.html',
    ];
    for (const url of urls) {
      const answer = await route(call('getStatuses', { refs: [{ system: 'xero', recordType: 'invoice', recordId: '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b' }] }), { id: 'our-id', url, tab: { id: 7 } });
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(ran).toEqual([]);
  });
});

describe('attack matrix: a content script calling a method of the extension\'s pages (settings, sign-in, account, audit log)', () => {
  it('refuses a content script every method of the extension pages: settings, sign-in, the account, the audit log', async () => {
    const { route, ran } = watchedRouter();
    expect(extensionPageMethods).toContain('saveConnection');
    for (const method of extensionPageMethods) {
      const answer = await route(call(method, method === 'saveConnection' ? { serviceUrl: 'https://attacker.example', token: 'sst_x' } : {}), contentScript);
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(ran).toEqual([]);
  });
});

describe('attack matrix: malformed parameters, and names that are not methods', () => {
  it('refuses malformed parameters and names that are not methods, running nothing', async () => {
    const { route, ran } = watchedRouter();
    const guid = '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
    const malformed: [string, unknown][] = [
      ['getConnection', null],
      ['getConnection', 'getConnection'],
      ['getStatuses', { refs: [] }],
      ['getStatuses', { refs: [{ system: 'xero', recordType: 'invoice', recordId: '"><img src=x onerror=alert(1)>' }] }],
      ['getStatuses', { refs: [{ system: 'zoho_books', recordType: 'bill', organizationId: '60012345678', recordId: '5254962000000345671\u200b' }] }],
      ['getStatuses', { refs: Array.from({ length: 501 }, () => ({ system: 'xero', recordType: 'invoice', recordId: guid })) }],
      ['getStatuses', { refs: [{ system: 'xero', recordType: 'invoice', recordId: guid, token: 'sst_x' }] }],
      ['pushRecord', { ref: { system: 'xero', recordType: 'invoice', recordId: guid }, version: 'yesterday' }],
      ['pushRecord', { ref: { system: 'xero', recordType: 'invoice', recordId: guid }, version: null, force: true }],
      ['lockRecord', { ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2' }, reason: 'x'.repeat(501) }],
      ['unlockRecord', { ref: { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2', host: 'evil.example' } }],
      ['showInPanel', { ref: { system: 'sap', recordType: 'invoice', recordId: '1' } }],
    ];
    for (const [method, params] of malformed) {
      expect(await route(call(method, params), contentScript), method).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await route(call(method), popup), method).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(route({ channel: CHANNEL, method: { toString: () => 'signOut' }, params: {} }, popup)).toBeUndefined();
    expect(ran).toEqual([]);
  });
});

describe('attack matrix: a handler letting the token slip into its answer', () => {
  it('answers only the fields the protocol declares: a token a handler let slip is never sent', async () => {
    const leaky = vi.fn(async () => ({ signedIn: true, version: '1.0.0', decorates: true, hiddenLists: [], token: 'sst_secret', serviceUrl: 'https://sync.example' }));
    const answer = await routerWith(leaky)(call('getConnection'), contentScript);
    expect(answer).toEqual({ ok: true, result: { signedIn: true, version: '1.0.0', decorates: true, hiddenLists: [] } });
    expect(JSON.stringify(answer)).not.toContain('sst_secret');
  });
});
