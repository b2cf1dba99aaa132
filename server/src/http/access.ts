// Who is calling and what they may do: bearer token → tenant and scopes; a per-token rate limit.
import type { MiddlewareHandler } from 'hono';
import type { Scope } from '../../../lib/contract/api';
import type { Database } from '../db/connect';
import { Refusal } from '../errors';
import { type Caller, findCaller } from '../store/tenants';

export interface AppEnv {
  Variables: { caller: Caller };
}

export function authenticate(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      throw new Refusal(401, 'missing_token', 'Send an API token as "Authorization: Bearer <token>".');
    }
    const caller = await findCaller(db, token);
    if (!caller) throw new Refusal(401, 'invalid_token', 'This API token is unknown or was revoked. Ask for a new one.');
    c.set('caller', caller);
    await next();
  };
}

export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { scopes } = c.get('caller');
    if (!scopes.includes(scope)) {
      throw new Refusal(403, 'missing_scope', `This token lacks the "${scope}" scope needed here.`, {
        required: scope,
        granted: scopes,
      });
    }
    await next();
  };
}

/**
 * A fixed one-minute window per token, in this process. Several instances each allow the limit;
 * set RATE_LIMIT_PER_MINUTE with that in mind.
 */
export function rateLimit(perMinute: number, now = () => Date.now()): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const id = c.get('caller').tokenId;
    const t = now();
    let window = windows.get(id);
    if (!window || t - window.start >= 60_000) {
      if (windows.size > 10_000) windows.clear(); // bounded memory: forget old windows wholesale
      window = { start: t, count: 0 };
      windows.set(id, window);
    }
    window.count++;
    if (window.count > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - t) / 1000));
      throw new Refusal(
        429,
        'rate_limited',
        `Too many requests for this token: try again in ${retryAfter} s.`,
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
  };
}
