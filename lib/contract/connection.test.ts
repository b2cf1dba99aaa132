import { describe, expect, it } from 'vitest';
import { connectionSchema } from './connection';

/** The first thing wrong with each field, as the options page shows it. */
const messagesOf = (input: unknown) => {
  const parsed = connectionSchema.safeParse(input);
  if (parsed.success) return [];
  const first = new Map<string, string>();
  for (const issue of parsed.error.issues) if (!first.has(String(issue.path[0]))) first.set(String(issue.path[0]), issue.message);
  return [...first].map(([field, message]) => `${field}: ${message}`);
};

describe('what a user enters to connect', () => {
  it('takes an https address, or plain http on this computer, and a token', () => {
    expect(messagesOf({ serviceUrl: 'https://sync.example.com/base', token: 'sst_0123456789' })).toEqual([]);
    expect(messagesOf({ serviceUrl: ' http://127.0.0.1:8787 ', token: 'sst_0123456789' })).toEqual([]);
    expect(messagesOf({ serviceUrl: 'http://localhost:8787', token: 'sst_0123456789' })).toEqual([]);
  });

  it('says, once per field, what is wrong', () => {
    expect(messagesOf({ serviceUrl: '', token: '' })).toEqual([
      'serviceUrl: Enter the address of your sync-status service, e.g. https://sync.example.com',
      'token: Paste the API token your administrator gave you',
    ]);
    expect(messagesOf({ serviceUrl: 'http://sync.example.com', token: 'sst 0123456789' })).toEqual([
      'serviceUrl: The address must start with https:// (plain http:// is only allowed for this computer)',
      'token: An API token has no spaces or special characters',
    ]);
    expect(messagesOf({ serviceUrl: 'ftp://sync.example.com', token: 'sst_0123456789' })).toHaveLength(1);
  });
});
