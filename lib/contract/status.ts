// What the service knows about a record: whether it is synced, its counterpart in the other
// system, its lock, its last error and the fields that disagree; and the jobs and events around it.
import { z } from 'zod';
import { recordRefSchema } from './record-schemas';

const timestamp = z.iso.datetime({ offset: true });
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const syncStates = ['synced', 'not_synced', 'pending', 'failed', 'unknown'] as const;
export const syncStateSchema = z.enum(syncStates).meta({
  id: 'SyncState',
  description:
    'synced: present and in agreement in both systems; not_synced: missing or disagreeing in the other system; ' +
    'pending: a push is queued or running; failed: the last push failed; unknown: the service has no such record.',
});
export type SyncState = z.infer<typeof syncStateSchema>;

/** What a push depends on that is missing, so a bookkeeper knows what to fix first. */
export const blockerSchema = z
  .object({
    /** What kind of thing is missing or unmapped: vendor, customer, cost_code, tax_rate, account, project... */
    kind: z.string().regex(/^[a-z][a-z_]{1,39}$/),
    /** Its name as the user knows it, e.g. "Acme Concrete Pty Ltd". */
    name: shortText(200),
  })
  .meta({ id: 'Blocker' });

export const syncErrorSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'code must be snake_case'),
    message: shortText(1000),
    /** What the bookkeeper can do about it. */
    hint: shortText(1000),
    blockedBy: blockerSchema.optional(),
  })
  .meta({ id: 'SyncError', description: 'Why a record did not sync, and what to do.' });
export type SyncError = z.infer<typeof syncErrorSchema>;

export const fieldDifferenceSchema = z
  .object({
    /** amount, tax, date, due_date, contact, retention, reference, ... */
    field: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    label: shortText(80),
    /** The value in this record's own system, as displayed there. */
    here: z.string().max(500).nullable(),
    /** The value in the counterpart's system. */
    there: z.string().max(500).nullable(),
  })
  .meta({ id: 'FieldDifference' });
export type FieldDifference = z.infer<typeof fieldDifferenceSchema>;

export const counterpartSchema = z
  .object({
    ref: recordRefSchema,
    /** Its number in its own system, e.g. "INV-0041". */
    number: z.string().max(100).nullable(),
    /** Opens it in its own system; null when its reference lacks what the address needs. */
    url: z.url({ protocol: /^https$/ }).nullable(),
  })
  .meta({ id: 'Counterpart', description: 'The same record in the other system.' });
export type Counterpart = z.infer<typeof counterpartSchema>;

export const lockSchema = z
  .object({
    locked: z.boolean(),
    by: z.string().nullable(),
    at: timestamp.nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Lock' });

export const jobStates = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobStateSchema = z.enum(jobStates).meta({ id: 'JobState' });
export type JobState = (typeof jobStates)[number];

export const jobSchema = z
  .object({
    id: z.uuid(),
    ref: recordRefSchema,
    state: jobStateSchema,
    force: z.boolean(),
    attempts: z.number().int().min(0),
    requestedBy: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    finishedAt: timestamp.nullable(),
    error: syncErrorSchema.nullable(),
    counterpart: counterpartSchema.nullable(),
  })
  .meta({ id: 'Job', description: 'A push of one record to the other system.' });
export type Job = z.infer<typeof jobSchema>;

export const recordStatusSchema = z
  .object({
    ref: recordRefSchema,
    /** The record's stable key (see recordKey). */
    key: z.string(),
    state: syncStateSchema,
    /** The record's number in its own system, when known. */
    number: z.string().nullable(),
    /** Opens the record itself in its own system. */
    url: z.string().nullable(),
    counterpart: counterpartSchema.nullable(),
    lock: lockSchema,
    lastSyncedAt: timestamp.nullable(),
    lastError: syncErrorSchema.nullable(),
    differences: z.array(fieldDifferenceSchema),
    /** The push in progress, while state is pending. */
    activeJobId: z.uuid().nullable(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'RecordStatus' });
export type RecordStatus = z.infer<typeof recordStatusSchema>;

export const eventKinds = ['pushed', 'synced', 'failed', 'locked', 'unlocked', 'changed', 'reported'] as const;
export const recordEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(eventKinds),
    /** Who did it: a token's name (a person's extension, or the integration). */
    actor: z.string(),
    at: timestamp,
    /** What happened, in words. */
    summary: z.string(),
    error: syncErrorSchema.nullable(),
    differences: z.array(fieldDifferenceSchema),
    jobId: z.uuid().nullable(),
  })
  .meta({ id: 'RecordEvent', description: 'One entry in a record history.' });
export type RecordEvent = z.infer<typeof recordEventSchema>;
