// Errors that cross the message boundary: the background serialises them, the caller re-throws
// them as BackgroundError with the same code and message.
import type { SerialisedError } from './channel';

export class BackgroundError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: string, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'BackgroundError';
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How long a busy service asked to be left alone (its Retry-After), in ms; 0 when it did not say. */
export const retryAfterMs = (error: unknown): number => (error instanceof BackgroundError ? (error.retryAfterSeconds ?? 0) * 1000 : 0);

/** Anything thrown by a handler becomes a plain object that survives structured cloning. */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof BackgroundError) {
    const { code, message, retryAfterSeconds } = error;
    return retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds };
  }
  if (error instanceof Error) return { code: 'internal_error', message: error.message };
  return { code: 'internal_error', message: String(error) };
}

/** Extension messaging fails this way once the extension is updated or reloaded under a live page. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated/i.test(error.message);
}

export const extensionReloadedError = () =>
  new BackgroundError(
    'extension_reloaded',
    'ERP Sync Inspector was updated or reloaded: reload this page to see sync status again.',
  );
