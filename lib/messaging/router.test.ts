import { describe, expect, it, vi } from 'vitest';
import { BackgroundError } from './errors';
import { CHANNEL } from './protocol';
import { callerOf, createRouter, type Handlers } from './router';
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
