import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callBackground } from './client';
import { BackgroundError } from './errors';
import { createRouter, type Handlers } from './router';
import { handlersFor } from './testing';

// fakeBrowser delivers messages with an empty sender; stand in for Chrome's sender of an extension page.
function serveBackground(handlers: Partial<Handlers>) {
  const extension = { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') };
  const route = createRouter(handlersFor(handlers), extension);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    route(message, { id: extension.id, url: `${extension.baseUrl}popup.html` }),
  );
}

describe('callBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the validated result of a round trip through the router', async () => {
    serveBackground({ getConnection: async () => ({ signedIn: false, version: '0.1.0', decorates: true, hiddenLists: [] }) });
    await expect(callBackground('getConnection', {})).resolves.toEqual({ signedIn: false, version: '0.1.0', decorates: true, hiddenLists: [] });
  });

  it('re-throws the background error with its code', async () => {
    serveBackground({
      getConnection: async () => {
        throw new BackgroundError('token_rejected', 'The sync service rejected the token.');
      },
    });
    const failure = await callBackground('getConnection', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BackgroundError);
    expect(failure).toMatchObject({ code: 'token_rejected', message: 'The sync service rejected the token.' });
  });

  it('turns an answer that breaks the protocol into a clear error', async () => {
    // A handler that lies about its result type, as a mismatched background version could.
    serveBackground({ getConnection: async () => ({ signedIn: 'yes' }) as never });
    await expect(callBackground('getConnection', {})).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports an absent background as unreachable', async () => {
    await expect(callBackground('getConnection', {})).rejects.toMatchObject({ code: 'background_unreachable' });
  });

  it('asks for a page reload once the extension was reloaded under the page', async () => {
    fakeBrowser.runtime.id = '';
    await expect(callBackground('getConnection', {})).rejects.toMatchObject({ code: 'extension_reloaded' });
  });
});
