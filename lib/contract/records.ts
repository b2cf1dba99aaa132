// What a record is, in every system we know: which system, which kind of record, the account it
// lives in, and its id. Shared by the extension and the sync-status service.
import { z } from 'zod';

export const systems = ['procore', 'xero', 'zoho_books'] as const;
export const systemSchema = z.enum(systems).meta({ id: 'System', description: 'The system a record lives in.' });
export type System = z.infer<typeof systemSchema>;

export const procoreRecordTypes = ['direct_cost', 'owner_invoice', 'subcontractor_invoice'] as const;
export const xeroRecordTypes = ['invoice', 'bill', 'spend_money', 'receive_money', 'manual_journal', 'credit_note'] as const;
export const zohoRecordTypes = ['invoice', 'bill'] as const;

/** Numeric ids stay strings: Procore's have 15 digits, Zoho's 19 (beyond 2^53). */
const numericId = (what: string) =>
  z.string().regex(/^[1-9][0-9]{0,19}$/, `${what} must be a numeric id of up to 20 digits, as a string`);
const guid = (what: string) =>
  z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, `${what} must be a GUID`)
    .toLowerCase();

export const procoreRecordSchema = z
  .object({
    system: z.literal('procore'),
    recordType: z.enum(procoreRecordTypes),
    /** Absent on legacy /<project>/project/... pages, which do not show it. */
    companyId: numericId('companyId').optional(),
    projectId: numericId('projectId'),
    recordId: numericId('recordId'),
    /** The prime contract of an owner invoice, or the commitment of a subcontractor invoice: part of their URLs. */
    contractId: numericId('contractId').optional(),
    /** The Procore host the project lives on (app.procore.com, us02.procore.com, ...). */
    host: z
      .string()
      .regex(/^[a-z0-9-]+\.procore\.com$/, 'host must be a procore.com host')
      .optional(),
  })
  .strict()
  .meta({ id: 'ProcoreRecord', description: 'A Procore direct cost, owner invoice or subcontractor invoice.' });

export const xeroRecordSchema = z
  .object({
    system: z.literal('xero'),
    recordType: z.enum(xeroRecordTypes),
    /** The organisation's short code (e.g. "!kh5BZ"); classic pages do not show it. */
    shortCode: z
      .string()
      .regex(/^![A-Za-z0-9]{3,12}$/, 'shortCode must look like !kh5BZ')
      .optional(),
    recordId: guid('recordId'),
  })
  .strict()
  .meta({ id: 'XeroRecord', description: 'A Xero invoice, bill, bank transaction, manual journal or credit note.' });

export const zohoBooksRecordSchema = z
  .object({
    system: z.literal('zoho_books'),
    recordType: z.enum(zohoRecordTypes),
    organizationId: numericId('organizationId'),
    recordId: numericId('recordId'),
    /** The organisation's Zoho Books host: one per data centre (books.zoho.eu, ...) or a custom domain. */
    host: z
      .string()
      .regex(/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'host must be a host name')
      .optional(),
  })
  .strict()
  .meta({ id: 'ZohoBooksRecord', description: 'A Zoho Books invoice or bill.' });

export const recordRefSchema = z
  .discriminatedUnion('system', [procoreRecordSchema, xeroRecordSchema, zohoBooksRecordSchema])
  .meta({ id: 'RecordRef', description: 'Which record: its system, type, account and id.' });
export type RecordRef = z.infer<typeof recordRefSchema>;
export type RecordType = RecordRef['recordType'];

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
