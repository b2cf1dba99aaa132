// The caller's side of the protocol, used by content scripts and extension pages: one typed call
// per background method; a serialised error comes back as a thrown BackgroundError.
import { browser } from 'wxt/browser';
import { BackgroundError, extensionReloadedError, isContextInvalidated } from './errors';
import { backgroundMethods, CHANNEL, type MethodName, type ParamsOf, type ResultOf, responseSchema } from './protocol';

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
  const response = responseSchema.safeParse(raw);
  if (!response.success) {
    throw new BackgroundError('invalid_response', `The background answered "${method}" with something unexpected.`);
  }
  if (!response.data.ok) {
    const { code, message, retryAfterSeconds } = response.data.error;
    throw new BackgroundError(code, message, retryAfterSeconds);
  }
  const result = backgroundMethods[method].result.safeParse(response.data.result);
  if (!result.success) {
    throw new BackgroundError(
      'invalid_response',
      `The background's answer to "${method}" broke the protocol: ${result.error.message}`,
    );
  }
  return result.data as ResultOf<M>;
}
