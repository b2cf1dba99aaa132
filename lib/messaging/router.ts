// The background's side of the protocol: checks who is calling, validates the request, runs the
// handler and answers with the declared result or a serialised error. Pure, so it is unit-tested
// directly.
import { siteOf } from '../sites';
import type { Response } from './channel';
import { BackgroundError, serialiseError } from './errors';
import {
  backgroundMethods,
  type Caller,
  isMethodName,
  type MethodName,
  type ParamsOf,
  type ResultOf,
  requestSchema,
} from './protocol';

/** What the background knows of a message's sender (a subset of runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface CallContext {
  caller: Caller;
  tabId: number | undefined;
  url: string;
}

export type Handlers = {
  [M in MethodName]: (params: ParamsOf<M>, context: CallContext) => Promise<ResultOf<M>>;
};

interface Extension {
  id: string;
  /** The extension's own base URL, e.g. chrome-extension://<id>/ */
  baseUrl: string;
}

/**
 * A message from our own extension is either from one of its pages or from a content script in a
 * supported host page. Anything else (another extension, an unsupported page) is not a caller.
 */
export function callerOf(sender: Sender, extension: Extension): Caller | null {
  if (sender.id !== extension.id || !sender.url) return null;
  if (sender.url.startsWith(extension.baseUrl)) return 'extension-page';
  if (sender.tab && siteOf(sender.url)) return 'content-script';
  return null;
}

/**
 * Routes one incoming message. Answers undefined for messages that are not on our channel, so
 * they are left to whoever they are for.
 */
export function createRouter(handlers: Handlers, extension: Extension) {
  return function route(message: unknown, sender: Sender): Promise<Response> | undefined {
    const request = requestSchema.safeParse(message);
    if (!request.success) return undefined;
    return answer(request.data.method, request.data.params, sender);
  };

  async function answer(method: string, params: unknown, sender: Sender): Promise<Response> {
    try {
      if (!isMethodName(method)) {
        throw new BackgroundError('unknown_method', `The background has no method "${method}".`);
      }
      const spec = backgroundMethods[method];
      const caller = callerOf(sender, extension);
      if (!caller || !(spec.callers as readonly Caller[]).includes(caller)) {
        throw new BackgroundError(
          'forbidden_sender',
          `"${method}" may not be called from ${sender.url ?? 'an unknown sender'}.`,
        );
      }
      const parsed = spec.params.safeParse(params);
      if (!parsed.success) {
        throw new BackgroundError('invalid_request', `Invalid parameters for "${method}": ${parsed.error.message}`);
      }
      const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>;
      const answered = await handler(parsed.data, { caller, tabId: sender.tab?.id, url: sender.url ?? '' });
      // Only what the protocol declares leaves the background: a field a handler adds by mistake
      // (the token, say) is dropped here, never sent to a content script.
      const result = spec.result.safeParse(answered);
      if (!result.success) {
        throw new BackgroundError('invalid_response', `The background's answer to "${method}" broke the protocol: ${result.error.message}`);
      }
      return { ok: true, result: result.data };
    } catch (error) {
      return { ok: false, error: serialiseError(error) };
    }
  }
}
