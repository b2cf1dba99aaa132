// What travels on our runtime messages besides each method's own parameters and result: the mark
// of our channel and the envelope of an answer. Free of zod, for the content script's sake: the
// background checks each answer against its method's schema before sending it (router.ts), so a
// caller only needs to know an answer from an error.

/** Marks our messages, so that nothing else sent over runtime messaging is mistaken for them. */
export const CHANNEL = 'erp-sync-inspector';

export interface SerialisedError {
  code: string;
  message: string;
  /** How long the service asked us to wait before trying again (429), in seconds. */
  retryAfterSeconds?: number;
}

export type Response = { ok: true; result: unknown } | { ok: false; error: SerialisedError };

const LONGEST_RETRY_AFTER_S = 86_400;

/** The answer's envelope, or null when it is not one of ours. */
export function asResponse(raw: unknown): Response | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { ok, result, error } = raw as Record<string, unknown>;
  if (ok === true) return { ok, result };
  if (ok !== false || typeof error !== 'object' || error === null) return null;
  const { code, message, retryAfterSeconds: wait } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const waitIsValid = typeof wait === 'number' && Number.isInteger(wait) && wait >= 0 && wait <= LONGEST_RETRY_AFTER_S;
  return { ok, error: waitIsValid ? { code, message, retryAfterSeconds: wait } : { code, message } };
}
