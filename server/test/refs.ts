// Record references for tests, with ids that are unique per call so tests never collide.
import type { RecordRef } from '../../lib/contract/records';

let counter = 0;
const next = () => String(598134300000000 + ++counter * 7 + Math.floor(Math.random() * 5));
const nextGuid = () => crypto.randomUUID();

export const procoreCost = (extra: Partial<RecordRef> = {}): RecordRef =>
  ({ system: 'procore', recordType: 'direct_cost', projectId: '598134325548164', recordId: next(), ...extra }) as RecordRef;
export const procoreOwnerInvoice = (): RecordRef => ({
  system: 'procore',
  recordType: 'owner_invoice',
  projectId: '598134325548164',
  contractId: '562949953443325',
  recordId: next(),
});
export const xeroBill = (): RecordRef => ({ system: 'xero', recordType: 'bill', shortCode: '!kh5BZ', recordId: nextGuid() });
export const xeroInvoice = (): RecordRef => ({ system: 'xero', recordType: 'invoice', recordId: nextGuid() });
export const zohoBill = (): RecordRef => ({
  system: 'zoho_books',
  recordType: 'bill',
  organizationId: '60012345678',
  recordId: `525496200000${String(++counter).padStart(7, '0')}`,
});

export const synced = (ref: RecordRef, other: RecordRef, number = 'BILL-1') => ({
  ref,
  state: 'synced' as const,
  counterpart: { ref: other, number },
});

export const key = (n: number) => `test-key-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`;
