// A request the service refuses, with the HTTP status and the stable error body it becomes.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../lib/contract/api';

export class Refusal extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }

  toBody(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string) => new Refusal(404, 'not_found', `${what} was not found.`);
