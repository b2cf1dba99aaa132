// What a user enters to connect the extension to their sync-status service, checked the same way
// in the options page and in the background.
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A sync-status service's address: https, or plain http on this computer only (a token sent over
 * plain http to another machine could be read on the way).
 */
export const serviceUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the address of your sync-status service, e.g. https://sync.example.com')
  .refine((value) => URL.canParse(value), 'This is not a web address: it should look like https://sync.example.com')
  .refine((value) => {
    if (!URL.canParse(value)) return true; // said by the check above
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'The address must start with https:// (plain http:// is only allowed for this computer)');

export const tokenSchema = z
  .string()
  .trim()
  .min(8, 'Paste the API token your administrator gave you')
  .max(500, 'That is too long to be an API token')
  .regex(/^[\x21-\x7e]+$/, 'An API token has no spaces or special characters');

export const connectionSchema = z.object({ serviceUrl: serviceUrlSchema, token: tokenSchema }).strict();
