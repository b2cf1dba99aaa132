// Small helpers that keep route declarations short: a JSON body, a JSON answer, and the error
// answers a route can give, all in the one error shape.
import type { z } from 'zod';
import { apiErrorSchema } from '../../../lib/contract/api';

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  body: { content: { 'application/json': { schema } }, required: true as const, description },
});

export const jsonAnswer = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const errorDescriptions = {
  400: 'Invalid request: malformed JSON or a field that breaks the contract (details lists each).',
  401: 'No token, or an unknown or revoked one.',
  403: 'The token lacks the scope this operation needs.',
  404: 'No such resource in your tenant.',
  409: 'Refused by a rule: locked, already synced, already finished, lease lost.',
  413: 'The body is larger than the service accepts.',
  415: 'The body is not JSON.',
  422: 'Understood but not possible: the message says why.',
  429: 'Rate limited: wait for Retry-After seconds.',
} as const;

export function errorAnswers<S extends keyof typeof errorDescriptions>(...statuses: S[]) {
  const always = [400, 401, 413, 415, 429] as const;
  return Object.fromEntries(
    [...new Set([...always, ...statuses])].map((status) => [
      status,
      jsonAnswer(apiErrorSchema, errorDescriptions[status]),
    ]),
  ) as Record<S | (typeof always)[number], ReturnType<typeof jsonAnswer<typeof apiErrorSchema>>>;
}

export const bearer = [{ bearer: [] }];
