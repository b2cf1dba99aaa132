// What a record is, in every system we know: which system, which kind of record, the account it
// lives in, and its id; its key and the words users name it by. Shared by the extension and the
// sync-status service. Free of zod on purpose: the content script checks every record it reads
// off a page with `asRecordRef` and must stay small. The service's schemas (record-schemas.ts) are
// built from the same rules, and a property test holds both to the same verdicts.

export const systems = ['procore', 'xero', 'zoho_books'] as const;
export type System = (typeof systems)[number];

export const procoreRecordTypes = ['direct_cost', 'owner_invoice', 'subcontractor_invoice'] as const;
export const xeroRecordTypes = ['invoice', 'bill', 'spend_money', 'receive_money', 'manual_journal', 'credit_note'] as const;
export const zohoRecordTypes = ['invoice', 'bill'] as const;

/** The most references one look-up may carry: the service's limit, and the size of our batches. */
export const MAX_REFS_PER_LOOKUP = 500;

/** Numeric ids stay strings: Procore's have 15 digits, Zoho's 19 (beyond 2^53). */
export const NUMERIC_ID = /^[1-9][0-9]{0,19}$/;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const PROCORE_HOST = /^[a-z0-9-]+\.procore\.com$/;
export const XERO_SHORT_CODE = /^![A-Za-z0-9]{3,12}$/;
export const HOST_NAME = /^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;

export interface ProcoreRecord {
  system: 'procore';
  recordType: (typeof procoreRecordTypes)[number];
  /** Absent on legacy /<project>/project/... pages, which do not show it. */
  companyId?: string;
  projectId: string;
  recordId: string;
  /** The prime contract of an owner invoice, or the commitment of a subcontractor invoice: part of their URLs. */
  contractId?: string;
  /** The Procore host the project lives on (app.procore.com, us02.procore.com, ...). */
  host?: string;
}

export interface XeroRecord {
  system: 'xero';
  recordType: (typeof xeroRecordTypes)[number];
  /** The organisation's short code (e.g. "!kh5BZ"); classic pages do not show it. */
  shortCode?: string;
  /** Lower case, so one record has one key. */
  recordId: string;
}

export interface ZohoBooksRecord {
  system: 'zoho_books';
  recordType: (typeof zohoRecordTypes)[number];
  organizationId: string;
  recordId: string;
  /** The organisation's Zoho Books host: one per data centre (books.zoho.eu, ...) or a custom domain. */
  host?: string;
}

export type RecordRef = ProcoreRecord | XeroRecord | ZohoBooksRecord;
export type RecordType = RecordRef['recordType'];

/** Each system's fields: the pattern each must match, and whether it may be left out. */
const fieldRules: Record<System, { types: readonly string[]; fields: Record<string, { pattern: RegExp; optional: boolean }> }> = {
  procore: {
    types: procoreRecordTypes,
    fields: {
      companyId: { pattern: NUMERIC_ID, optional: true },
      projectId: { pattern: NUMERIC_ID, optional: false },
      recordId: { pattern: NUMERIC_ID, optional: false },
      contractId: { pattern: NUMERIC_ID, optional: true },
      host: { pattern: PROCORE_HOST, optional: true },
    },
  },
  xero: {
    types: xeroRecordTypes,
    fields: { shortCode: { pattern: XERO_SHORT_CODE, optional: true }, recordId: { pattern: GUID, optional: false } },
  },
  zoho_books: {
    types: zohoRecordTypes,
    fields: {
      organizationId: { pattern: NUMERIC_ID, optional: false },
      recordId: { pattern: NUMERIC_ID, optional: false },
      host: { pattern: HOST_NAME, optional: true },
    },
  },
};

const isSystem = (value: unknown): value is System => (systems as readonly unknown[]).includes(value);

/**
 * The value as a well-formed record reference (a Xero GUID lower-cased), or null: an unknown
 * system or type, a field out of its pattern, a field of another system. Page content is
 * untrusted; nothing that fails here is ever looked up.
 */
export function asRecordRef(value: unknown): RecordRef | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { system, recordType, ...fields } = value as Record<string, unknown>;
  if (!isSystem(system)) return null;
  const rules = fieldRules[system];
  if (!rules.types.includes(recordType as string)) return null;
  for (const name of Object.keys(fields)) if (!(name in rules.fields)) return null;
  const ref: Record<string, string> = { system, recordType: recordType as string };
  for (const [name, { pattern, optional }] of Object.entries(rules.fields)) {
    const field = fields[name];
    if (field === undefined && optional) continue;
    if (typeof field !== 'string' || !pattern.test(field)) return null;
    ref[name] = pattern === GUID ? field.toLowerCase() : field;
  }
  return ref as unknown as RecordRef;
}

/**
 * One string per record, stable across pages and sessions: the key of caches and of the service's
 * index. Procore and Zoho ids are unique within a project or organisation; Xero's GUIDs everywhere.
 */
export function recordKey(ref: RecordRef): string {
  switch (ref.system) {
    case 'procore':
      return `procore/${ref.recordType}/${ref.projectId}/${ref.recordId}`;
    case 'xero':
      return `xero/${ref.recordType}/${ref.recordId}`;
    case 'zoho_books':
      return `zoho_books/${ref.recordType}/${ref.organizationId}/${ref.recordId}`;
  }
}

/** Locking stops edits in Procore once a record is in the books; accounting records are not locked. */
export function isLockable(ref: RecordRef): boolean {
  return ref.system === 'procore';
}

const recordTypeLabels: Record<System, Record<string, string>> = {
  procore: { direct_cost: 'direct cost', owner_invoice: 'owner invoice', subcontractor_invoice: 'subcontractor invoice' },
  xero: {
    invoice: 'invoice',
    bill: 'bill',
    spend_money: 'spend money transaction',
    receive_money: 'receive money transaction',
    manual_journal: 'manual journal',
    credit_note: 'credit note',
  },
  zoho_books: { invoice: 'invoice', bill: 'bill' },
};

export const systemLabels: Record<System, string> = { procore: 'Procore', xero: 'Xero', zoho_books: 'Zoho Books' };

/** "Procore direct cost", "Xero bill": how a user names the kind of record. */
export function recordTypeLabel(system: System, recordType: string): string {
  return `${systemLabels[system]} ${recordTypeLabels[system][recordType] ?? recordType.replaceAll('_', ' ')}`;
}
