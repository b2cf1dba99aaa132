// The sync-status service's requests and answers. The service validates every request with these
// schemas and generates its OpenAPI document from them; the extension validates every answer.
import { z } from 'zod';
import { recordRefSchema, systemSchema } from './record-schemas';
import { MAX_REFS_PER_LOOKUP } from './records';
import {
  blockerSchema,
  counterpartSchema,
  fieldDifferenceSchema,
  jobSchema,
  recordEventSchema,
  recordStatusSchema,
  syncErrorSchema,
} from './status';

export const MAX_INGEST_ITEMS = 1000;

/** Every refusal, of every endpoint, has this shape. */
export const apiErrorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'ApiError', description: 'A refused request: a stable code, a sentence for people, and details.' });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const scopes = ['read', 'push', 'lock', 'ingest', 'admin'] as const;
export const scopeSchema = z.enum(scopes).meta({
  id: 'Scope',
  description:
    'read: look up statuses, history, errors, changes; push: queue pushes; lock: lock and unlock; ' +
    'ingest: report statuses and run push jobs (integrations); admin: manage tokens.',
});
export type Scope = z.infer<typeof scopeSchema>;

export const lookupRequestSchema = z
  .object({ refs: z.array(recordRefSchema).min(1).max(MAX_REFS_PER_LOOKUP) })
  .strict()
  .meta({ id: 'LookupRequest' });
export const lookupResponseSchema = z
  .object({ statuses: z.array(recordStatusSchema).meta({ description: 'One per requested reference, in order.' }) })
  .meta({ id: 'LookupResponse' });

export const pushRequestSchema = z
  .object({
    pushes: z
      .array(
        z
          .object({
            ref: recordRefSchema,
            /** Chosen by the client; sending the same key again returns the same job instead of a second push. */
            idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, 'idempotencyKey: 8 to 128 of A-Z a-z 0-9 . _ : -'),
            /** Push even if the record is already synced (a deliberate re-push). Default false. */
            force: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_REFS_PER_LOOKUP),
  })
  .strict()
  .meta({ id: 'PushRequest' });
export type PushRequest = z.input<typeof pushRequestSchema>;
export const pushResponseSchema = z.object({ jobs: z.array(jobSchema) }).meta({ id: 'PushResponse' });

export const lockRequestSchema = z
  .object({ ref: recordRefSchema, reason: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: 'LockRequest' });

export const historyRequestSchema = z
  .object({ ref: recordRefSchema, limit: z.number().int().min(1).max(500).optional().meta({ description: 'Default 100.' }) })
  .strict()
  .meta({ id: 'HistoryRequest' });
export const historyResponseSchema = z
  .object({ status: recordStatusSchema, events: z.array(recordEventSchema).meta({ description: 'Newest first.' }) })
  .meta({ id: 'HistoryResponse' });
export type RecordHistory = z.infer<typeof historyResponseSchema>;

export const errorGroupSchema = z
  .object({
    system: systemSchema,
    recordType: z.string(),
    /** "Procore direct cost" */
    label: z.string(),
    code: z.string(),
    count: z.number().int(),
    message: z.string(),
    hint: z.string(),
    /** In words, what failed and why, naming what it depends on. */
    explanation: z.string(),
    blockers: z.array(blockerSchema.extend({ count: z.number().int() })),
    records: z.array(
      z.object({
        ref: recordRefSchema,
        key: z.string(),
        number: z.string().nullable(),
        url: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ErrorGroup' });
export const errorSummaryResponseSchema = z
  .object({ total: z.number().int(), groups: z.array(errorGroupSchema) })
  .meta({ id: 'ErrorSummary', description: 'Failed records grouped by record type and error code, largest first.' });
export type ErrorSummary = z.infer<typeof errorSummaryResponseSchema>;

export const changesQuerySchema = z.object({
  after: z
    .string()
    .regex(/^(\d{1,18}|latest)$/, 'after: a cursor returned by an earlier call, 0, or latest')
    .meta({ description: 'A cursor from an earlier call; 0 for everything; `latest` for no changes and the cursor of now.' })
    .default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const changesResponseSchema = z
  .object({
    changes: z.array(recordStatusSchema).meta({ description: 'Current status of each record changed after the cursor.' }),
    cursor: z.string().meta({ description: 'Pass as `after` next time.' }),
    hasMore: z.boolean(),
  })
  .meta({ id: 'Changes' });

export const resolveUrlRequestSchema = z
  .object({ url: z.string().max(2048) })
  .strict()
  .meta({ id: 'ResolveUrlRequest' });
export const resolveUrlResponseSchema = z
  .object({ ref: recordRefSchema, status: recordStatusSchema })
  .meta({ id: 'ResolveUrlResponse' });
export type ResolvedUrl = z.infer<typeof resolveUrlResponseSchema>;

/** As reported by an integration: number and address may be left out (the address is then built). */
const counterpartReportSchema = counterpartSchema.extend({
  number: counterpartSchema.shape.number.optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});

export const ingestRecordSchema = z
  .object({
    ref: recordRefSchema,
    number: z.string().max(100).optional(),
    url: z.url({ protocol: /^https$/ }).optional(),
    state: z.enum(['synced', 'not_synced', 'failed']),
    /** The record's counterpart in the other system; reporting one links the two. */
    counterpart: counterpartReportSchema.optional(),
    lastSyncedAt: z.iso.datetime({ offset: true }).optional(),
    error: syncErrorSchema.optional(),
    differences: z.array(fieldDifferenceSchema).max(50).optional(),
  })
  .strict()
  .refine((r) => r.state !== 'failed' || r.error, { message: 'A failed record needs its error', path: ['error'] })
  .refine((r) => r.state !== 'synced' || r.counterpart, { message: 'A synced record needs its counterpart', path: ['counterpart'] })
  .refine((r) => !r.counterpart || r.counterpart.ref.system !== r.ref.system, {
    message: 'A counterpart is the same record in the other system, not a record of the same system',
    path: ['counterpart', 'ref'],
  })
  .meta({ id: 'IngestRecord' });
export type IngestRecord = z.input<typeof ingestRecordSchema>;

export const ingestEventSchema = z
  .object({
    ref: recordRefSchema,
    kind: z.enum(['changed', 'reported']),
    summary: z.string().trim().min(1).max(500),
    at: z.iso.datetime({ offset: true }).optional(),
    differences: z.array(fieldDifferenceSchema).max(50).optional(),
  })
  .strict()
  .meta({ id: 'IngestEvent' });

export const ingestRequestSchema = z
  .object({
    records: z.array(ingestRecordSchema).max(MAX_INGEST_ITEMS).optional(),
    events: z.array(ingestEventSchema).max(MAX_INGEST_ITEMS).optional(),
  })
  .strict()
  .refine((b) => (b.records?.length ?? 0) + (b.events?.length ?? 0) > 0, { message: 'Send at least one record or event' })
  .meta({ id: 'IngestRequest', description: 'All or nothing: one invalid item rejects the whole batch.' });
export type IngestRequest = z.input<typeof ingestRequestSchema>;
export const ingestResponseSchema = z
  .object({ records: z.number().int(), events: z.number().int() })
  .meta({ id: 'IngestResponse' });

export const claimRequestSchema = z
  .object({
    workerId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
    limit: z.number().int().min(1).max(100).optional().meta({ description: 'Default 10.' }),
    /** How long the job is this worker's; unfinished by then, it goes back to the queue. Default 60. */
    leaseSeconds: z.number().int().min(5).max(3600).optional(),
  })
  .strict()
  .meta({ id: 'ClaimRequest' });
export const claimedJobSchema = jobSchema
  .extend({ leaseExpiresAt: z.iso.datetime({ offset: true }), number: z.string().nullable() })
  .meta({ id: 'ClaimedJob' });
export const claimResponseSchema = z.object({ jobs: z.array(claimedJobSchema) }).meta({ id: 'ClaimResponse' });

export const completeRequestSchema = z
  .object({
    workerId: claimRequestSchema.shape.workerId,
    outcome: z.discriminatedUnion('result', [
      z.object({ result: z.literal('succeeded'), counterpart: counterpartReportSchema }).strict(),
      z.object({ result: z.literal('failed'), error: syncErrorSchema }).strict(),
    ]),
  })
  .strict()
  .meta({ id: 'CompleteRequest' });
export type CompleteRequest = z.input<typeof completeRequestSchema>;

export const meResponseSchema = z
  .object({
    tenant: z.object({ id: z.uuid(), name: z.string() }),
    token: z.object({ id: z.uuid(), name: z.string(), scopes: z.array(scopeSchema) }),
  })
  .meta({ id: 'Me', description: 'Who the token belongs to and what it may do.' });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const createTokenRequestSchema = z
  .object({ name: z.string().trim().min(1).max(100), scopes: z.array(scopeSchema).min(1) })
  .strict()
  .meta({ id: 'CreateTokenRequest' });
export const createdTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(scopeSchema),
    token: z.string().meta({ description: 'Shown once; only its hash is stored.' }),
  })
  .meta({ id: 'CreatedToken' });
