// The demo company: one Procore account with two projects, one booking into Xero and one into
// Zoho Books, and records in every state. The e2e fixture pages show the same records.
import type { IngestRecord } from '../../../lib/contract/api';
import type { RecordRef } from '../../../lib/contract/records';

export const demoCompany = {
  name: 'Harbour View Builders (demo)',
  procoreCompanyId: '598134325511640',
  /** Books in Xero. */
  xeroProjectId: '598134325548164',
  xeroShortCode: '!kh5BZ',
  /** Books in Zoho Books. */
  zohoProjectId: '598134325548999',
  zohoOrganizationId: '60012345678',
};

const procore = (recordType: 'direct_cost' | 'owner_invoice' | 'subcontractor_invoice', recordId: string, extra: Partial<RecordRef> = {}) =>
  ({
    system: 'procore',
    recordType,
    companyId: demoCompany.procoreCompanyId,
    projectId: demoCompany.xeroProjectId,
    recordId,
    ...extra,
  }) as RecordRef;

const xero = (recordType: 'invoice' | 'bill', recordId: string): RecordRef => ({
  system: 'xero',
  recordType,
  shortCode: demoCompany.xeroShortCode,
  recordId,
});

const vendorNotMapped = (vendor: string) => ({
  code: 'vendor_not_mapped',
  message: `The vendor "${vendor}" has no matching contact in the accounting system.`,
  hint: `Create or map the contact "${vendor}" in the integration's contact mapping, then re-sync.`,
  blockedBy: { kind: 'vendor', name: vendor },
});

export function demoReports(): IngestRecord[] {
  return [
    {
      ref: procore('direct_cost', '598134332797815'),
      number: 'DC-1182',
      state: 'synced',
      counterpart: { ref: xero('bill', '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f'), number: 'BILL-0318' },
    },
    {
      ref: procore('direct_cost', '598134332797816'),
      number: 'DC-1183',
      state: 'not_synced',
      counterpart: { ref: xero('bill', '4d2e0a9f-6c3b-4d8e-8f1a-2b3c4d5e6f70'), number: 'BILL-0319' },
      differences: [
        { field: 'amount', label: 'Amount', here: '$12,400.00', there: '$12,040.00' },
        { field: 'tax', label: 'Tax', here: '$1,240.00', there: '$1,204.00' },
      ],
    },
    {
      ref: procore('direct_cost', '598134332797817'),
      number: 'DC-1184',
      state: 'failed',
      error: vendorNotMapped('Bolt Steel Fabricators'),
    },
    {
      ref: procore('owner_invoice', '562950099171911', { contractId: '562949953443325' }),
      number: 'PA-07',
      state: 'synced',
      counterpart: { ref: xero('invoice', '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'), number: 'INV-0041' },
    },
    {
      ref: procore('subcontractor_invoice', '598134325962303', { contractId: '598134325935052' }),
      number: 'SC-004-03',
      state: 'not_synced',
    },
    {
      ref: procore('owner_invoice', '598134340000001', { projectId: demoCompany.zohoProjectId, contractId: '598134340000000' }),
      number: 'PA-02',
      state: 'synced',
      counterpart: {
        ref: {
          system: 'zoho_books',
          recordType: 'invoice',
          organizationId: demoCompany.zohoOrganizationId,
          recordId: '5254962000000234567',
          host: 'books.zoho.com',
        },
        number: 'INV-000112',
      },
    },
  ];
}
