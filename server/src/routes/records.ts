// Reading and changing records: batch status look-up, lock and unlock, history, and resolving a
// pasted record address.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  historyRequestSchema,
  historyResponseSchema,
  lockRequestSchema,
  lookupRequestSchema,
  lookupResponseSchema,
  resolveUrlRequestSchema,
  resolveUrlResponseSchema,
} from '../../../lib/contract/api';
import { parseRecordUrl } from '../../../lib/contract/record-urls';
import { type RecordRef, recordKey } from '../../../lib/contract/records';
import { recordStatusSchema } from '../../../lib/contract/status';
import type { Database } from '../db/connect';
import { Refusal } from '../errors';
import { type AppEnv, requireScope } from '../http/access';
import { bearer, errorAnswers, jsonAnswer, jsonBody } from '../http/openapi';
import { recordHistory } from '../store/history';
import { lockRecord, unlockRecord } from '../store/locks';
import { createLookupCache, lookupStatuses } from '../store/lookup';
import { findRecords } from '../store/records';

const tags = ['Records'];

const lookup = createRoute({
  method: 'post',
  path: '/v1/statuses/lookup',
  tags,
  summary: 'Look up the sync status of up to 500 records',
  description: 'Scope: read. One status per reference, in the order sent; records the service never saw are "unknown".',
  security: bearer,
  middleware: requireScope('read'),
  request: jsonBody(lookupRequestSchema),
  responses: { 200: jsonAnswer(lookupResponseSchema, 'The statuses'), ...errorAnswers(403) },
});

const lock = createRoute({
  method: 'post',
  path: '/v1/records/lock',
  tags,
  summary: 'Lock a Procore direct cost or invoice against edits',
  description: 'Scope: lock. Refused with 422 for records that cannot be locked and 409 when already locked.',
  security: bearer,
  middleware: requireScope('lock'),
  request: jsonBody(lockRequestSchema),
  responses: { 200: jsonAnswer(recordStatusSchema, 'The locked record'), ...errorAnswers(403, 409, 422) },
});

const unlock = createRoute({
  method: 'post',
  path: '/v1/records/unlock',
  tags,
  summary: 'Unlock a record so it can be edited',
  description: 'Scope: lock. Refused with 409 when the record is not locked.',
  security: bearer,
  middleware: requireScope('lock'),
  request: jsonBody(lockRequestSchema),
  responses: { 200: jsonAnswer(recordStatusSchema, 'The unlocked record'), ...errorAnswers(403, 409) },
});

const history = createRoute({
  method: 'post',
  path: '/v1/records/history',
  tags,
  summary: "A record's history: pushed, synced, failed, locked, unlocked, changed",
  description: 'Scope: read. Newest first, with who did what and when.',
  security: bearer,
  middleware: requireScope('read'),
  request: jsonBody(historyRequestSchema),
  responses: { 200: jsonAnswer(historyResponseSchema, 'Status and events'), ...errorAnswers(403) },
});

const resolveUrl = createRoute({
  method: 'post',
  path: '/v1/records/resolve-url',
  tags,
  summary: 'Which record a pasted Procore, Xero or Zoho Books address opens',
  description:
    'Scope: read. Answers the record and its status, ready to push. A list page is refused with 422 list_page_url; ' +
    'any other page with 422 not_a_record_url.',
  security: bearer,
  middleware: requireScope('read'),
  request: jsonBody(resolveUrlRequestSchema),
  responses: { 200: jsonAnswer(resolveUrlResponseSchema, 'The record'), ...errorAnswers(403, 422) },
});

export function registerRecordRoutes(app: OpenAPIHono<AppEnv>, db: Database) {
  const lookups = createLookupCache();
  app.openapi(lookup, async (c) => {
    const { tenantId } = c.get('caller');
    return c.json({ statuses: await lookupStatuses(db, tenantId, c.req.valid('json').refs, lookups) }, 200);
  });

  app.openapi(lock, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    const { ref, reason } = c.req.valid('json');
    return c.json(await lockRecord(db, tenantId, tokenName, ref, reason), 200);
  });

  app.openapi(unlock, async (c) => {
    const { tenantId, tokenName } = c.get('caller');
    const { ref, reason } = c.req.valid('json');
    return c.json(await unlockRecord(db, tenantId, tokenName, ref, reason), 200);
  });

  app.openapi(history, async (c) => {
    const { tenantId } = c.get('caller');
    const { ref, limit } = c.req.valid('json');
    return c.json(await recordHistory(db, tenantId, ref, limit ?? 100), 200);
  });

  app.openapi(resolveUrl, async (c) => {
    const { tenantId } = c.get('caller');
    const parsed = parseRecordUrl(c.req.valid('json').url);
    if (!parsed.ok) {
      throw new Refusal(422, parsed.reason === 'list_page' ? 'list_page_url' : 'not_a_record_url', parsed.message);
    }
    const ref = await pickKnownType(db, tenantId, parsed.ref, parsed.alsoPossible);
    const [status] = await lookupStatuses(db, tenantId, [ref]);
    return c.json({ ref, status: status as NonNullable<typeof status> }, 200);
  });
}

/** Some addresses fit more than one record type; the one the service has seen decides. */
async function pickKnownType(db: Database, tenantId: string, ref: RecordRef, alsoPossible: RecordRef['recordType'][]) {
  if (alsoPossible.length === 0) return ref;
  const candidates = [ref, ...alsoPossible.map((recordType) => ({ ...ref, recordType }) as RecordRef)];
  const known = await findRecords(db, tenantId, candidates.map(recordKey));
  const match = candidates.find((candidate) => known.has(recordKey(candidate)));
  if (!match) {
    throw new Refusal(
      422,
      'ambiguous_url',
      `This address could be a ${candidates.map((c) => c.recordType.replaceAll('_', ' ')).join(' or a ')}, and the ` +
        'service has not seen it yet. Find it in the Account Transactions report and sync it from there.',
    );
  }
  return match;
}
