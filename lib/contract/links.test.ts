import { describe, expect, it } from 'vitest';
import { recordUrl } from './deep-links';
import { parseRecordUrl } from './record-urls';
import { isLockable, type RecordRef, recordKey, recordTypeLabel } from './records';

const guid = '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('recordKey, isLockable and labels', () => {
  it('ignores what is not identity (company, host, contract)', () => {
    const a: RecordRef = { system: 'procore', recordType: 'owner_invoice', projectId: '5', recordId: '9' };
    const b: RecordRef = { ...a, companyId: '3', contractId: '4', host: 'us02.procore.com' };
    expect(recordKey(a)).toBe(recordKey(b));
  });

  it('locks only Procore records', () => {
    expect(isLockable({ system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2' })).toBe(true);
    expect(isLockable({ system: 'xero', recordType: 'bill', recordId: guid })).toBe(false);
  });

  it('names record types as users do', () => {
    expect(recordTypeLabel('procore', 'subcontractor_invoice')).toBe('Procore subcontractor invoice');
    expect(recordTypeLabel('xero', 'spend_money')).toBe('Xero spend money transaction');
  });
});

describe('recordUrl', () => {
  it.each<[string, RecordRef, string | null]>([
    [
      'a Procore direct cost on its regional host',
      { system: 'procore', recordType: 'direct_cost', projectId: '598134325548164', recordId: '598134332797815', host: 'us02.procore.com' },
      'https://us02.procore.com/598134325548164/project/direct_costs/598134332797815',
    ],
    [
      'a Procore owner invoice',
      { system: 'procore', recordType: 'owner_invoice', projectId: '1', contractId: '2', recordId: '3' },
      'https://app.procore.com/1/project/prime_contracts/2/payment_applications/3',
    ],
    [
      'a Procore subcontractor invoice',
      { system: 'procore', recordType: 'subcontractor_invoice', companyId: '9', projectId: '1', contractId: '2', recordId: '3' },
      'https://app.procore.com/webclients/host/companies/9/projects/1/tools/invoicing/requisitions/2/3',
    ],
    ['a Procore owner invoice without its contract', { system: 'procore', recordType: 'owner_invoice', projectId: '1', recordId: '3' }, null],
    [
      'a Xero invoice in a known organisation',
      { system: 'xero', recordType: 'invoice', shortCode: '!kh5BZ', recordId: guid },
      `https://go.xero.com/app/!kh5BZ/invoicing/view/${guid}`,
    ],
    [
      'a Xero bill in a known organisation',
      { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ', recordId: guid },
      `https://go.xero.com/organisationlogin/default.aspx?shortcode=!kh5BZ&redirecturl=/AccountsPayable/Edit.aspx?InvoiceID=${guid}`,
    ],
    ['a Xero manual journal', { system: 'xero', recordType: 'manual_journal', recordId: guid }, `https://go.xero.com/Journal/View.aspx?invoiceID=${guid}`],
    [
      'a Zoho Books bill on the EU data centre',
      { system: 'zoho_books', recordType: 'bill', organizationId: '20087654321', recordId: '5254962000000234567', host: 'books.zoho.eu' },
      'https://books.zoho.eu/app/20087654321#/bills/5254962000000234567',
    ],
  ])('opens %s', (_, ref, url) => {
    expect(recordUrl(ref)).toBe(url);
  });
});

describe('parseRecordUrl', () => {
  it.each([
    ['https://us02.procore.com/598134325548164/project/direct_costs/598134332797815/edit', 'direct_cost', '598134332797815'],
    ['https://app.procore.com/1/project/prime_contracts/2/payment_applications/3', 'owner_invoice', '3'],
    ['https://app.procore.com/1/project/commitments/work_order_contracts/2/requisitions/3', 'subcontractor_invoice', '3'],
    [
      'https://us02.procore.com/webclients/host/companies/598134325511640/projects/598134325548164/tools/invoicing/requisitions/598134325935052/598134325962303',
      'subcontractor_invoice',
      '598134325962303',
    ],
    [`https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${guid}`, 'invoice', guid],
    [`https://go.xero.com/AccountsPayable/Edit.aspx?invoiceid=${guid.toUpperCase()}`, 'bill', guid],
    [`https://go.xero.com/app/!kh5BZ/invoicing/view/${guid}`, 'invoice', guid],
    [`https://go.xero.com/app/invoicing/edit/${guid.toUpperCase()}`, 'invoice', guid],
    [`https://go.xero.com/app/!kh5BZ/bills/invoice?invoiceId=${guid.toUpperCase()}`, 'bill', guid],
    [`https://go.xero.com/app/bills/invoice?invoiceId=${guid}`, 'bill', guid],
    [`https://go.xero.com/Journal/View.aspx?invoiceID=${guid}`, 'manual_journal', guid],
    [`https://go.xero.com/AccountsPayable/ViewCreditNote.aspx?creditNoteID=${guid}`, 'credit_note', guid],
    ['https://books.zoho.com/app/60012345678#/invoices/5254962000000234567?filter_by=Status.All', 'invoice', '5254962000000234567'],
    ['https://books.zoho.com.au/app/60012345678#/bills/5254962000000234999', 'bill', '5254962000000234999'],
  ])('reads %s', (url, recordType, recordId) => {
    const parsed = parseRecordUrl(url);
    expect(parsed).toMatchObject({ ok: true, ref: { recordType, recordId } });
  });

  it('keeps the organisation of a Xero organisation-login link', () => {
    const parsed = parseRecordUrl(
      `https://go.xero.com/organisationlogin/default.aspx?shortcode=!kh5BZ&redirecturl=/AccountsPayable/Edit.aspx?InvoiceID=${guid}`,
    );
    expect(parsed).toMatchObject({ ok: true, ref: { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ' } });
  });

  it('keeps the organisation of a bill opened in the new Bills app', () => {
    const parsed = parseRecordUrl(`https://go.xero.com/app/!kh5BZ/bills/invoice?invoiceId=${guid}`);
    expect(parsed).toMatchObject({ ok: true, ref: { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ', recordId: guid } });
  });

  it('says a Xero bank transaction may be spend or receive money', () => {
    const parsed = parseRecordUrl(`https://go.xero.com/Bank/ViewTransaction.aspx?bankTransactionID=${guid}&accountID=x`);
    expect(parsed).toMatchObject({ ok: true, ref: { recordType: 'spend_money' }, alsoPossible: ['receive_money'] });
  });

  it.each([
    'https://us02.procore.com/598134325548164/project/direct_costs',
    'https://app.procore.com/1/project/direct_costs/summary/index?page=1',
    'https://app.procore.com/webclients/host/companies/1/projects/2/tools/invoicing',
    'https://app.procore.com/webclients/host/companies/1/projects/2/tools/invoicing/subcontractor',
    'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/DRAFT',
    'https://go.xero.com/app/!kh5BZ/bills/list/awaiting-payment',
    'https://reporting.xero.com/!kh5BZ/v2/Run/New/1009',
    'https://books.zoho.com/app/60012345678#/invoices?filter_by=Status.All',
    'https://books.zoho.eu/app/60012345678#/bills',
  ])('refuses the list page %s', (url) => {
    expect(parseRecordUrl(url)).toMatchObject({ ok: false, reason: 'list_page' });
  });

  it.each([
    'not a url',
    'https://example.com/1/project/direct_costs/2',
    'https://app.procore.com/1/project/rfis/2',
    'https://go.xero.com/Dashboard/',
    'https://books.zoho.com/app/60012345678#/contacts/5',
    'https://app.procore.com/1/project/direct_costs/99999999999999999999999',
    'https://go.xero.com/app/!kh5BZ/bills/invoice?invoiceId=7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5',
    'https://go.xero.com/app/!kh5BZ/bills/invoice',
  ])('refuses %s as not a record page', (url) => {
    expect(parseRecordUrl(url)).toMatchObject({ ok: false, reason: 'not_a_record_page' });
  });

  it('reads back every address it builds', () => {
    const refs: RecordRef[] = [
      { system: 'procore', recordType: 'direct_cost', projectId: '11', recordId: '12', host: 'app.procore.com' },
      { system: 'procore', recordType: 'owner_invoice', projectId: '11', contractId: '13', recordId: '12', host: 'app.procore.com' },
      { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ', recordId: guid },
      { system: 'xero', recordType: 'invoice', recordId: guid },
      { system: 'zoho_books', recordType: 'invoice', organizationId: '600123', recordId: '5254962000000234567', host: 'books.zoho.in' },
    ];
    for (const ref of refs) {
      const url = recordUrl(ref);
      expect(url).not.toBeNull();
      expect(parseRecordUrl(url ?? '')).toEqual({ ok: true, ref, alsoPossible: [] });
    }
  });
});
