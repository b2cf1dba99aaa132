// Errors that cross the message boundary: the background serialises them, the caller re-throws
// them as BackgroundError with the same code and message.
import { z } from 'zod';

export const serialisedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type SerialisedError = z.infer<typeof serialisedErrorSchema>;

export class BackgroundError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackgroundError';
    this.code = code;
  }
}

/** Anything thrown by a handler becomes a plain object that survives structured cloning. */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof BackgroundError) return { code: error.code, message: error.message };
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
