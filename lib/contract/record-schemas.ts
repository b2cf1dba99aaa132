// The service's schemas of a record reference: they validate its requests and describe records in
// its OpenAPI document. Built from the rules in records.ts, which the content script checks with
// (without zod); record-schemas.test.ts holds the two to the same verdicts.
import { z } from 'zod';
import {
  GUID,
  HOST_NAME,
  NUMERIC_ID,
  PROCORE_HOST,
  procoreRecordTypes,
  systems,
  XERO_SHORT_CODE,
  xeroRecordTypes,
  zohoRecordTypes,
} from './records';

export const systemSchema = z.enum(systems).meta({ id: 'System', description: 'The system a record lives in.' });

const numericId = (what: string) => z.string().regex(NUMERIC_ID, `${what} must be a numeric id of up to 20 digits, as a string`);
const guid = (what: string) => z.string().regex(GUID, `${what} must be a GUID`).toLowerCase();

export const procoreRecordSchema = z
  .object({
    system: z.literal('procore'),
    recordType: z.enum(procoreRecordTypes),
    companyId: numericId('companyId').optional(),
    projectId: numericId('projectId'),
    recordId: numericId('recordId'),
    contractId: numericId('contractId').optional(),
    host: z.string().regex(PROCORE_HOST, 'host must be a procore.com host').optional(),
  })
  .strict()
  .meta({ id: 'ProcoreRecord', description: 'A Procore direct cost, owner invoice or subcontractor invoice.' });

export const xeroRecordSchema = z
  .object({
    system: z.literal('xero'),
    recordType: z.enum(xeroRecordTypes),
    shortCode: z.string().regex(XERO_SHORT_CODE, 'shortCode must look like !kh5BZ').optional(),
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
    host: z.string().regex(HOST_NAME, 'host must be a host name').optional(),
  })
  .strict()
  .meta({ id: 'ZohoBooksRecord', description: 'A Zoho Books invoice or bill.' });

export const recordRefSchema = z
  .discriminatedUnion('system', [procoreRecordSchema, xeroRecordSchema, zohoBooksRecordSchema])
  .meta({ id: 'RecordRef', description: 'Which record: its system, type, account and id.' });
