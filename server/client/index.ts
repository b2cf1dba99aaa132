// A typed client for the sync-status service, for integration engines and scripts:
//   const api = syncStatusClient('https://sync.example.com', token);
//   const { data, error } = await api.POST('/v1/statuses/lookup', { body: { refs } });
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export function syncStatusClient(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}

export type { paths };
