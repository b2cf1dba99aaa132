// The background's client for the sync-status service: the only code that holds the token. Every
// answer is checked against the contract, and every failure becomes a BackgroundError whose code
// the UI can show as its own state and whose message says what to do.
import type { z } from 'zod';
import {
  apiErrorSchema,
  changesResponseSchema,
  type ErrorSummary,
  errorSummaryResponseSchema,
  historyResponseSchema,
  lookupResponseSchema,
  type MeResponse,
  meResponseSchema,
  type PushRequest,
  type RecordHistory,
  pushResponseSchema,
  type ResolvedUrl,
  resolveUrlResponseSchema,
} from '../contract/api';
import type { RecordRef } from '../contract/records';
import { type Job, jobSchema, type RecordStatus, recordStatusSchema } from '../contract/status';
import { BackgroundError } from '../messaging/errors';
import type { ServiceConnection } from '../settings';

export interface ServiceClientOptions {
  /** The stored connection; null until the user signs in. */
  connection: () => Promise<ServiceConnection | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

export interface ServiceClient {
  lookup(refs: RecordRef[]): Promise<RecordStatus[]>;
  push(pushes: PushRequest['pushes']): Promise<Job[]>;
  job(id: string): Promise<Job>;
  lock(ref: RecordRef, reason?: string): Promise<RecordStatus>;
  unlock(ref: RecordRef, reason?: string): Promise<RecordStatus>;
  errorSummary(): Promise<ErrorSummary>;
  history(ref: RecordRef): Promise<RecordHistory>;
  resolveUrl(url: string): Promise<ResolvedUrl>;
  /** Who a token belongs to and what it may do: the saved connection's, or the one given. */
  me(connection?: ServiceConnection): Promise<MeResponse>;
  /** What changed after a cursor; `latest` gives no changes and the cursor of now. */
  changes(after: string): Promise<{ changes: RecordStatus[]; cursor: string; hasMore: boolean }>;
  /**
   * Opens the connection to the service (DNS, TCP, TLS) while a page reads its rows, so that its
   * first look-up does not pay for it; nothing when one was used lately. Sends no token; never fails.
   */
  warmUp(): Promise<void>;
}

/** How long the client waits for an answer before it gives up on the request. */
export const SERVICE_TIMEOUT_MS = 10_000;
/** A connection used this recently is likely still open (browsers keep idle ones for a while). */
const CONNECTION_WARM_MS = 20_000;

/** The address of `path` at the service, keeping any path it is served under (e.g. https://example.com/sync/). */
function addressOf(service: ServiceConnection, path: string): URL {
  const base = service.serviceUrl.endsWith('/') ? service.serviceUrl : `${service.serviceUrl}/`;
  return new URL(path.replace(/^\//, ''), base);
}

export function createServiceClient({ connection, fetch: send = fetch, timeoutMs = SERVICE_TIMEOUT_MS, now = Date.now }: ServiceClientOptions): ServiceClient {
  /** When a request last went to the service. */
  let lastContact = Number.NEGATIVE_INFINITY;
  /** A POST with a JSON body, or a GET when there is no body. */
  async function call<T>(path: string, body: unknown, answer: z.ZodType<T>, given?: ServiceConnection): Promise<T> {
    const service = given ?? (await connection());
    if (!service) throw new BackgroundError('not_signed_in', 'Sign in to your sync-status service in the extension options.');
    const url = addressOf(service, path);
    lastContact = now();
    let response: Response;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${service.token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await send(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new BackgroundError('timeout', `The sync service at ${url.origin} did not answer within ${timeoutMs / 1000} s.`);
      }
      throw new BackgroundError('service_unreachable', `Sync service unreachable at ${url.origin}: check the address in Options, or your network.`);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response, payload, url.origin);
    const parsed = answer.safeParse(payload);
    if (!parsed.success) {
      throw new BackgroundError(
        'invalid_response',
        `The service at ${url.origin} answered in a form this extension does not understand: is it a sync-status service, and up to date?`,
      );
    }
    return parsed.data;
  }

  return {
    async lookup(refs) {
      return (await call('/v1/statuses/lookup', { refs }, lookupResponseSchema)).statuses;
    },
    async push(pushes) {
      return (await call('/v1/pushes', { pushes }, pushResponseSchema)).jobs;
    },
    job: (id) => call(`/v1/jobs/${encodeURIComponent(id)}`, undefined, jobSchema),
    lock: (ref, reason) => call('/v1/records/lock', { ref, reason }, recordStatusSchema),
    unlock: (ref, reason) => call('/v1/records/unlock', { ref, reason }, recordStatusSchema),
    me: (given) => call('/v1/me', undefined, meResponseSchema, given),
    errorSummary: () => call('/v1/errors/summary', undefined, errorSummaryResponseSchema),
    history: (ref) => call('/v1/records/history', { ref }, historyResponseSchema),
    resolveUrl: (url) => call('/v1/records/resolve-url', { url }, resolveUrlResponseSchema),
    changes: (after) => call(`/v1/changes?after=${encodeURIComponent(after)}&limit=500`, undefined, changesResponseSchema),
    async warmUp() {
      if (now() - lastContact < CONNECTION_WARM_MS) return;
      lastContact = now();
      try {
        const service = await connection();
        // The health check needs no token, and an opaque answer is enough: only the connection is wanted.
        if (service) await send(addressOf(service, '/healthz'), { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        // Nothing lost: the look-up that follows opens its own connection, and says why if it cannot.
      }
    },
  };
}

function refusal(response: Response, payload: unknown, origin: string): BackgroundError {
  const body = apiErrorSchema.safeParse(payload);
  const said = body.success ? body.data.message : `HTTP ${response.status}`;
  switch (response.status) {
    case 401:
      return new BackgroundError('token_rejected', 'The sync service rejected your token: sign in again in Options.');
    case 403:
      return new BackgroundError('missing_scope', `Your token may not do this (${said}). Ask your administrator for a token with that scope.`);
    case 429: {
      const seconds = Math.min(86_400, Math.max(1, Math.ceil(Number(response.headers.get('retry-after')) || 60)));
      return new BackgroundError('rate_limited', `The sync service is busy: trying again in ${seconds} s.`, seconds);
    }
    default:
      if (response.status >= 500) {
        return new BackgroundError('service_error', `The sync service at ${origin} failed (HTTP ${response.status}). Try again shortly.`);
      }
      if (!body.success) {
        return new BackgroundError('invalid_response', `The service at ${origin} answered HTTP ${response.status}: is it a sync-status service?`);
      }
      return new BackgroundError(body.data.code, body.data.message);
  }
}
