// The caller's side of the protocol, used by content scripts and extension pages: one typed call
// per background method; a serialised error comes back as a thrown BackgroundError. The background
// has checked the result against the method's schema before sending it (router.ts); the caller
// checks only the envelope, and stays free of zod.
import { browser } from 'wxt/browser';
import { asResponse, CHANNEL } from './channel';
import { BackgroundError, extensionReloadedError, isContextInvalidated } from './errors';
import type { MethodName, ParamsOf, ResultOf } from './protocol';

export async function callBackground<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  // runtime.id disappears once the extension is reloaded under a page that still runs our script.
  if (!browser.runtime?.id) throw extensionReloadedError();
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ channel: CHANNEL, method, params });
  } catch (error) {
    if (isContextInvalidated(error)) throw extensionReloadedError();
    throw new BackgroundError('background_unreachable', `The extension's background did not answer: ${String(error)}`);
  }
  const response = asResponse(raw);
  if (!response) {
    throw new BackgroundError('invalid_response', `The background answered "${method}" with something unexpected.`);
  }
  if (!response.ok) {
    const { code, message, retryAfterSeconds } = response.error;
    throw new BackgroundError(code, message, retryAfterSeconds);
  }
  return response.result as ResultOf<M>;
}
