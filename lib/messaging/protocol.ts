// The one message protocol between the background service worker and everything else.
// Each method names its parameters and result as zod schemas and who may call it; the background
// validates what it receives and what it answers (router.ts), so callers need no zod.
import { z } from 'zod';
import { errorSummaryResponseSchema, historyResponseSchema, meResponseSchema, resolveUrlResponseSchema } from '../contract/api';
import { connectionSchema } from '../contract/connection';
import { recordRefSchema } from '../contract/record-schemas';
import { MAX_REFS_PER_LOOKUP } from '../contract/records';
import { siteFamilies, supportedLists } from '../sites';
import { jobSchema, recordStatusSchema } from '../contract/status';
import { CHANNEL } from './channel';

const siteNameSchema = z.enum(siteFamilies.map((family) => family.name) as [string, ...string[]]);
const listKindSchema = z.enum(supportedLists.map((list) => list.kind));

const refsSchema = z.object({ refs: z.array(recordRefSchema).min(1).max(MAX_REFS_PER_LOOKUP) }).strict();
/** Statuses, and the keys of those the background has not confirmed lately. */
const lookupAnswerSchema = z.object({ statuses: z.array(recordStatusSchema), staleKeys: z.array(z.string()) });

/** A content script in a supported host page, or one of the extension's own pages. */
export type Caller = 'content-script' | 'extension-page';

interface MethodSpec {
  callers: readonly Caller[];
  params: z.ZodType;
  result: z.ZodType;
}

export const backgroundMethods = {
  /**
   * Whether the extension is signed in to a sync-status service. Never reveals the URL or token.
   * `withFirstScreen`: a page starting asks also for the remembered statuses of what it showed first
   * when it was last loaded (stale ones listed: the page asks for them again).
   */
  getConnection: {
    callers: ['content-script', 'extension-page'],
    params: z.object({ withFirstScreen: z.boolean().optional() }).strict(),
    result: z.object({
      signedIn: z.boolean(),
      version: z.string(),
      /** Whether the user wants the caller's site decorated (always true for the extension's pages). */
      decorates: z.boolean(),
      /** The caller's site's lists the user switched off. */
      hiddenLists: z.array(listKindSchema),
      firstScreen: lookupAnswerSchema.optional(),
    }),
  },
  /**
   * The sync status of the records on screen; the background batches and deduplicates across tabs.
   * Statuses it remembers are answered at once; those it has not confirmed lately are listed as
   * stale, asked again, and sent to the page's update port when they come.
   */
  getStatuses: {
    callers: ['content-script', 'extension-page'],
    params: refsSchema,
    result: lookupAnswerSchema,
  },
  /** The records the calling page showed first, remembered by its address for its next load. */
  rememberFirstScreen: {
    callers: ['content-script'],
    params: refsSchema,
    result: z.object({}),
  },
  /**
   * Pushes one record to the other system: once, however often it is asked for the same version
   * (`version`: the status's updatedAt the caller shows).
   */
  pushRecord: {
    callers: ['content-script', 'extension-page'],
    params: z.object({ ref: recordRefSchema, version: z.iso.datetime({ offset: true }).nullable() }).strict(),
    result: z.object({ job: jobSchema }),
  },
  /** Locks a Procore record against edits, or unlocks it (with an optional reason). */
  lockRecord: {
    callers: ['content-script', 'extension-page'],
    params: z.object({ ref: recordRefSchema, reason: z.string().trim().max(500).optional() }).strict(),
    result: z.object({ status: recordStatusSchema }),
  },
  unlockRecord: {
    callers: ['content-script', 'extension-page'],
    params: z.object({ ref: recordRefSchema, reason: z.string().trim().max(500).optional() }).strict(),
    result: z.object({ status: recordStatusSchema }),
  },
  /** Opens the options page (a content script cannot): the column's sign-in hint. */
  openOptions: {
    callers: ['content-script', 'extension-page'],
    params: z.object({}).strict(),
    result: z.object({}),
  },
  /**
   * Shows one record (its state, differences, history and actions) in the side panel, opening the
   * panel on the caller's tab; where the browser has no side panel, or will not open it, in a tab.
   */
  showInPanel: {
    callers: ['content-script', 'extension-page'],
    params: z.object({ ref: recordRefSchema }).strict(),
    result: z.object({ openedIn: z.enum(['side-panel', 'tab']) }),
  },
  /** The account's failures grouped by record type and error code (the side panel). */
  getErrorSummary: {
    callers: ['extension-page'],
    params: z.object({}).strict(),
    result: errorSummaryResponseSchema,
  },
  /** The record a pasted address opens, and its status; a list page's address is refused with why. */
  resolveUrl: {
    callers: ['extension-page'],
    params: z.object({ url: z.string().trim().min(1).max(2048) }).strict(),
    result: resolveUrlResponseSchema,
  },
  /** A record's history from the service, newest first: pushed, synced, failed, locked... who, when, what. */
  getHistory: {
    callers: ['extension-page'],
    params: z.object({ ref: recordRefSchema }).strict(),
    result: historyResponseSchema,
  },
  /** This browser's own actions (push, lock, unlock), newest first; `search` matches record, action or outcome. */
  getAuditLog: {
    callers: ['extension-page'],
    params: z.object({ search: z.string().trim().max(200).optional() }).strict(),
    result: z.object({
      entries: z.array(z.object({ at: z.number(), action: z.string(), key: z.string(), outcome: z.string(), message: z.string().optional() })),
    }),
  },
  /** Who the saved token belongs to and what it may do (the popup's account line). */
  getAccount: {
    callers: ['extension-page'],
    params: z.object({}).strict(),
    result: z.object({ me: meResponseSchema }),
  },
  /** The options page: the saved service address (never the token). */
  getSettings: {
    callers: ['extension-page'],
    params: z.object({}).strict(),
    result: z.object({ serviceUrl: z.string().nullable(), sites: z.record(siteNameSchema, z.boolean()), hiddenLists: z.array(listKindSchema) }),
  },
  /** Switches one site's decoration on or off; open pages of it follow at once. */
  setSiteDecorated: {
    callers: ['extension-page'],
    params: z.object({ site: siteNameSchema, on: z.boolean() }).strict(),
    result: z.object({}),
  },
  /** Switches one list's decoration on or off; open pages of it follow at once. */
  setListDecorated: {
    callers: ['extension-page'],
    params: z.object({ list: listKindSchema, on: z.boolean() }).strict(),
    result: z.object({}),
  },
  /** Saves the connection, then says who the token belongs to and what it may do (or what is wrong). */
  saveConnection: {
    callers: ['extension-page'],
    params: connectionSchema,
    result: z.object({ me: meResponseSchema }),
  },
  /** Tries a connection without saving it. */
  testConnection: {
    callers: ['extension-page'],
    params: connectionSchema,
    result: z.object({ me: meResponseSchema }),
  },
  /** Forgets the connection, the token and every cached status. */
  signOut: {
    callers: ['extension-page'],
    params: z.object({}).strict(),
    result: z.object({}),
  },
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof backgroundMethods;
export type ParamsOf<M extends MethodName> = z.input<(typeof backgroundMethods)[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<(typeof backgroundMethods)[M]['result']>;

export const requestSchema = z.object({
  channel: z.literal(CHANNEL),
  method: z.string(),
  params: z.unknown(),
});
export type Request = z.infer<typeof requestSchema>;


export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(backgroundMethods, name);
}
