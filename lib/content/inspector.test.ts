import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../messaging/router';
import { handlersFor } from '../messaging/testing';
import { PAGE_MARKER, startInspector } from './inspector';

const procorePage = 'https://app.procore.com/1/project/direct_costs';

function serveBackground() {
  const extension = { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') };
  const route = createRouter(handlersFor({ getConnection: async () => ({ signedIn: false, version: '0.1.0', decorates: true, hiddenLists: [] }) }), extension);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    route(message, { id: extension.id, url: procorePage, tab: { id: 1 } }),
  );
}

describe('startInspector', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.removeAttribute(PAGE_MARKER);
  });

  it('claims a supported page and marks it ready once the background answers', async () => {
    serveBackground();
    await expect(startInspector(document, procorePage)).resolves.toMatchObject({ state: 'ready' });
    expect(document.documentElement.getAttribute(PAGE_MARKER)).toBe('ready');
  });

  it('runs once per document: a second copy adds nothing', async () => {
    serveBackground();
    await startInspector(document, procorePage);
    await expect(startInspector(document, procorePage)).resolves.toMatchObject({ state: 'already-running' });
  });

  it('lets a new copy start where an earlier one failed', async () => {
    document.documentElement.setAttribute(PAGE_MARKER, 'failed');
    serveBackground();
    await expect(startInspector(document, procorePage)).resolves.toMatchObject({ state: 'ready' });
  });

  it('leaves unsupported pages untouched', async () => {
    await expect(startInspector(document, 'https://example.com/')).resolves.toMatchObject({ state: 'not-ours' });
    expect(document.documentElement.hasAttribute(PAGE_MARKER)).toBe(false);
  });

  it('contains a failing background: marks the page, logs with context, throws nothing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(startInspector(document, procorePage)).resolves.toMatchObject({ state: 'failed' });
    expect(document.documentElement.getAttribute(PAGE_MARKER)).toBe('failed');
    expect(log).toHaveBeenCalledWith(
      '[ERP Sync Inspector] inspector:',
      expect.anything(),
      expect.objectContaining({ site: 'procore' }),
    );
  });
});
