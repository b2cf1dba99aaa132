// The demo company: one Procore account with two projects, one booking into Xero and one into
// Zoho Books, and records in every state. The records are the rows of the e2e fixture pages
// (e2e/fixtures/**), so a demo that opens each page at its real address sees, among the rows shown
// first, synced rows, rows not synced (one with differing fields), a failed row blocked by
// something unmapped, and a few rows the integration never reported. Each pair is reported once,
// from one side: the ingest links the counterpart back.
import type { IngestRecord } from '../../../lib/contract/api';
import type { RecordRef } from '../../../lib/contract/records';
import type { SyncError } from '../../../lib/contract/status';

export const demoCompany = {
  name: 'Harbour View Builders (demo)',
  procoreCompanyId: '598134325511640',
  /** Harbour View Tower: books in Xero. */
  xeroProjectId: '598134325548164',
  xeroShortCode: '!kh5BZ',
  /** Books in Zoho Books. */
  zohoProjectId: '598134325548999',
  zohoOrganizationId: '60012345678',
  zohoHost: 'books.zoho.com',
};

type ProcoreRef = Extract<RecordRef, { system: 'procore' }>;
type XeroRef = Extract<RecordRef, { system: 'xero' }>;
type ZohoRef = Extract<RecordRef, { system: 'zoho_books' }>;

const procore = (
  recordType: ProcoreRef['recordType'],
  recordId: string,
  extra: Partial<Omit<ProcoreRef, 'system' | 'recordType' | 'recordId'>> = {},
): ProcoreRef => ({
  system: 'procore',
  recordType,
  companyId: demoCompany.procoreCompanyId,
  projectId: demoCompany.xeroProjectId,
  recordId,
  ...extra,
});

const xero = (recordType: XeroRef['recordType'], recordId: string): XeroRef => ({
  system: 'xero',
  recordType,
  shortCode: demoCompany.xeroShortCode,
  recordId,
});

const zoho = (recordType: ZohoRef['recordType'], recordId: string): ZohoRef => ({
  system: 'zoho_books',
  recordType,
  organizationId: demoCompany.zohoOrganizationId,
  recordId,
  host: demoCompany.zohoHost,
});

const offset = (first: string, index: number) => String(BigInt(first) + BigInt(index));

// The fixtures generate their Procore rows; these follow the same rules, so a row's index on the
// page names its record.

/** Invoicing, Owner tab: payment application n on the prime contract (row n - 1). */
const PRIME_CONTRACT = '562949953443325';
const payApp = (n: number) => ({
  ref: procore('owner_invoice', offset('562950099171911', n - 1), { contractId: PRIME_CONTRACT }),
  number: `PA-${String(n).padStart(2, '0')}`,
});

/** Invoicing, Subcontractor tab: row i is a requisition on one of six commitments, in turn. */
const commitments = [
  ['562949953610001', 'SC-003'],
  ['562949953610002', 'SC-007'],
  ['562949953610003', 'PO-012'],
  ['562949953610004', 'SC-015'],
  ['562949953610005', 'SC-021'],
  ['562949953610006', 'PO-030'],
] as const;
const requisition = (i: number) => {
  const [contractId, commitment] = commitments[i % commitments.length] as (typeof commitments)[number];
  return {
    ref: procore('subcontractor_invoice', offset('598134325962303', i), { contractId }),
    number: `${commitment}-${String(Math.floor(i / commitments.length) + 1).padStart(2, '0')}`,
  };
};

/**
 * Direct Costs: row i of the tool's grid. The first six are also the legacy page's rows, whose
 * invoice numbers (the vendors' own) are the ones given here; later rows show DC-<row>.
 */
const directCost = (i: number, number = `DC-${String(i + 1).padStart(5, '0')}`) => ({
  ref: procore('direct_cost', offset('598134332797815', i)),
  number,
});

/** A direct cost of the project that no fixture lists (a paid bill of an earlier month). */
const otherDirectCost = (recordId: string, number: string) => ({ ref: procore('direct_cost', recordId), number });

/** Harbour View Tower's sister project, booked in Zoho Books, and a payment application on its prime contract. */
const zohoProject = { projectId: demoCompany.zohoProjectId };
const zohoPayApp = (recordId: string, number: string) => ({
  ref: procore('owner_invoice', recordId, { ...zohoProject, contractId: '598134340000000' }),
  number,
});

// Why records fail: each names what it waits for, as the integration would.

/** Why a push failed: what it waits for, what the integration said, what the bookkeeper can do. */
const blocked = (blockedBy: NonNullable<SyncError['blockedBy']>, code: string, message: string, hint: string): SyncError => ({
  code,
  message,
  hint,
  blockedBy,
});

const unmappedVendor = (vendor: string, from: 'procore' | 'xero'): SyncError =>
  from === 'procore'
    ? blocked(
        { kind: 'vendor', name: vendor },
        'vendor_not_mapped',
        `The vendor "${vendor}" is not mapped to a Xero contact, so the cost has no supplier to be billed from.`,
        `Map "${vendor}" to its Xero contact in the integration's vendor mapping (or create the contact in Xero), then re-sync.`,
      )
    : blocked(
        { kind: 'vendor', name: vendor },
        'vendor_not_mapped',
        `The contact "${vendor}" is not mapped to a vendor in the Procore company directory, so the bill cannot be recorded against the project.`,
        `Map "${vendor}" to its Procore vendor in the integration's vendor mapping (or add the vendor to the directory), then re-sync.`,
      );

const unmappedCostCode = (costCode: string, line: string): SyncError =>
  blocked(
    { kind: 'cost_code', name: costCode },
    'cost_code_not_mapped',
    `The line "${line}" uses cost code ${costCode}, which is not mapped to a Xero account, so the line cannot be posted.`,
    `Map cost code ${costCode} to an account in the integration's cost code mapping, then re-sync.`,
  );

/** A record reported in agreement with its counterpart. */
const synced = (record: { ref: RecordRef; number: string }, counterpart: RecordRef, number: string): IngestRecord => ({
  ...record,
  state: 'synced',
  counterpart: { ref: counterpart, number },
});

/** A record whose last push failed, and why. */
const failed = (record: { ref: RecordRef; number: string }, error: SyncError): IngestRecord => ({ ...record, state: 'failed', error });

export function demoReports(): IngestRecord[] {
  return [
    // ── Procore Direct Costs (new grid and legacy table), Harbour View Tower → Xero bills ─────────
    synced(directCost(0, 'AC-20417'), xero('bill', '3c1f9d8e-5b2a-4c7d-9e0f-1a2b3c4d5e6f'), 'AC-20417'),
    {
      ...directCost(1, 'INV-88213'),
      state: 'not_synced',
      counterpart: { ref: xero('bill', '4b2a0e9f-6c3b-4d8e-8f10-2b3c4d5e6f71'), number: 'INV-88213' },
      differences: [
        { field: 'date', label: 'Date', here: '10/05/2026', there: '02 Oct 2026' },
        { field: 'tax', label: 'Tax', here: '$3,177.50', there: '2,888.64' },
      ],
    },
    // Bunnings receipt for formwork consumables: entered in Procore, not yet sent.
    { ...directCost(2, 'BT-55102'), state: 'not_synced' },
    failed(
      directCost(3, 'PR-W42'),
      blocked(
        { kind: 'account', name: 'Wages clearing account' },
        'account_not_mapped',
        'Payroll costs post to Xero as a journal against a wages clearing account, and none is chosen for this project.',
        "Choose the wages clearing account (for example 804 Wages Payable - Payroll) in the integration's account mapping, then re-sync.",
      ),
    ),
    synced(directCost(4, 'HSH-7781'), xero('bill', '8f6e4c3d-a07f-4bc2-8354-6f7a8b9cadb5'), 'HSH-7781'),
    synced(directCost(5, 'MWR-3310'), xero('bill', '9a7f5d4e-b180-4cd3-9465-7a8b9cadbec6'), 'MWR-3310'),
    // Row 6 (DC-00007) is a draft the integration has not picked up: left unreported.
    failed(directCost(7), unmappedVendor('Crane Logistics Group', 'procore')),
    synced(directCost(8), xero('bill', 'c4171d91-c212-4d9b-96e9-1667943e31ef'), 'DC-00009'),
    {
      ...directCost(9),
      state: 'not_synced',
      counterpart: { ref: xero('bill', 'c9b92a6d-cfb0-45c9-8618-94f6e2541b1e'), number: 'DC-00010' },
      differences: [{ field: 'amount', label: 'Amount', here: '$862.71', there: '826.71' }],
    },
    synced(directCost(10), xero('bill', 'd8b6b115-7e83-4daf-ace2-2ac7c8e92a4d'), 'DC-00011'),
    { ...directCost(11), state: 'not_synced' },
    synced(directCost(12), xero('bill', '02f59c0b-2b3a-4a7d-b56c-82275224f95a'), 'DC-00013'),
    synced(directCost(13), xero('bill', '2700dc1f-51c1-4d19-91ca-db4da35b2d12'), 'DC-00014'),
    // Row 14 (DC-00015) is another draft: unreported.
    // A materials expense paid by card: spend money in Xero (Account Transactions, Job Materials).
    synced(directCost(1181), xero('spend_money', '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'), 'DC-1182'),

    // ── Procore Invoicing, Owner tab → Xero invoices (payment applications on PC-001) ────────────
    synced(payApp(1), xero('invoice', '0a28d0c6-a6c9-4011-97a4-7ba06c212bd9'), 'INV-0029'),
    synced(payApp(2), xero('invoice', 'd140af22-3838-4d98-b652-3f155327068a'), 'INV-0031'),
    { ...payApp(3), state: 'not_synced' },
    // PA-04 is a draft: unreported.
    failed(payApp(5), unmappedCostCode('09-300 Tiling', 'Variation 04 - Lobby stone upgrade')),
    synced(payApp(6), xero('invoice', 'd80b2739-9cb4-42df-8c88-e5f078165dfc'), 'INV-0038'),
    synced(payApp(7), xero('invoice', '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'), 'INV-0041'),
    {
      ...payApp(8),
      state: 'not_synced',
      counterpart: { ref: xero('invoice', '8a5c7b3f-2d4e-4f60-9b0c-1d2e3f4a5b6c'), number: 'INV-0042' },
      differences: [{ field: 'retention', label: 'Retention', here: '$8,020.83', there: '0.00' }],
    },
    { ...payApp(9), state: 'not_synced' },
    // PA-10 is a draft: unreported. A retention release billed on its own, after the monthly claims:
    synced(
      { ref: procore('owner_invoice', '562950099171940', { contractId: PRIME_CONTRACT }), number: 'PA-RR1' },
      xero('invoice', 'b18fae62-5071-4293-8e3f-4a5b6c7d8e9f'),
      'INV-0045',
    ),

    // ── Procore Invoicing, Subcontractor tab → Xero bills (requisitions on commitments) ──────────
    synced(requisition(0), xero('bill', '48b31801-2feb-491a-8da2-1e0052f39699'), 'SC-003-01'),
    failed(requisition(1), unmappedCostCode('05-120 Structural Steel Erection', 'Level 3 steel erection')),
    synced(requisition(2), xero('bill', 'aba19cc9-ffb3-4d0f-b03c-e252a9f32ae6'), 'PO-012-01'),
    // Row 3 (SC-015-01) is a draft: unreported.
    { ...requisition(4), state: 'not_synced' },
    {
      ...requisition(5),
      state: 'not_synced',
      counterpart: { ref: xero('bill', 'c138bf24-c598-4b55-be1c-992c6735963e'), number: 'PO-030-01' },
      differences: [{ field: 'retention', label: 'Retention', here: '$1,773.65', there: '886.82' }],
    },
    synced(requisition(6), xero('bill', 'c1479543-657a-4543-bee7-39264058cbf9'), 'SC-003-02'),
    failed(requisition(7), unmappedCostCode('05-120 Structural Steel Erection', 'Level 4 steel erection')),
    synced(requisition(8), xero('bill', '1470284d-a79f-4f63-b869-5eb29613336e'), 'PO-012-02'),
    // Row 9 (SC-015-02) is a draft: unreported.
    { ...requisition(10), state: 'not_synced' },
    synced(requisition(11), xero('bill', '84533652-fe14-40b9-afcb-70b44bb1ffc7'), 'PO-030-02'),
    // Coastal Electrical's fourth claim: Xero's "Progress claim 4" (Bills to pay).
    synced(requisition(20), xero('bill', '5c3b1f0a-7d4c-4e9f-9021-3c4d5e6f7a82'), 'Progress claim 4'),

    // ── Xero Invoices (classic): the rest of what is awaiting payment ─────────────────────────────
    failed(
      { ref: xero('invoice', '9b6d8c40-3e5f-4071-8c1d-2e3f4a5b6c7d'), number: 'INV-0043' },
      blocked(
        { kind: 'change_order', name: 'PCCO #012' },
        'change_order_not_found',
        'Variation 12 has no approved prime contract change order in Procore, so the invoice cannot be matched to the contract.',
        'Approve the change order in Procore, or map the variation to an existing one, then re-sync.',
      ),
    ),
    { ref: xero('invoice', 'a07e9d51-4f60-4182-9d2e-3f4a5b6c7d8e'), number: 'INV-0044', state: 'not_synced' },

    // ── Xero Bills to pay (classic) ───────────────────────────────────────────────────────────────
    { ref: xero('bill', '6d4c2a1b-8e5d-4fa0-a132-4d5e6f7a8b93'), number: 'SMP-1093', state: 'not_synced' },
    failed(
      { ref: xero('bill', '7e5d3b2c-9f6e-4ab1-b243-5e6f7a8b9ca4'), number: 'RG-551' },
      blocked(
        { kind: 'account', name: '631 Glazing & Facade' },
        'account_not_mapped',
        'The bill is coded to Xero account 631 Glazing & Facade, which is not mapped to a Procore cost code.',
        "Map account 631 to a cost code (such as 08-400 Curtain Wall & Glazing) in the integration's account mapping, then re-sync.",
      ),
    ),
    failed({ ref: xero('bill', 'ab806e5f-c291-4de4-a576-8b9cadbecfd7'), number: 'CLG-0402' }, unmappedVendor('Crane Logistics Group', 'xero')),

    // ── Xero Bills (new app, All tab) ─────────────────────────────────────────────────────────────
    failed({ ref: xero('bill', '7a5d3b2c-9f6e-40b1-9c4d-5e6f708192a3'), number: 'CPD-7731' }, unmappedVendor('Coastal Plumbing & Drainage', 'xero')),
    {
      ref: xero('bill', '6f4c2a1b-8e5d-4fa0-8b3c-4d5e6f708192'),
      number: 'Progress claim 4',
      state: 'not_synced',
      counterpart: otherDirectCost('598134332799103', 'RLE-PC4'),
      differences: [{ field: 'amount', label: 'Amount', here: '58,300.00', there: '$53,800.00' }],
    },
    { ref: xero('bill', '5e3b1f0a-7d4c-4e9f-9a2b-3c4d5e6f7081'), number: 'SS-1182', state: 'not_synced' },
    { ref: xero('bill', '4d2a0e9f-6c3b-4d8e-8f1a-2b3c4d5e6f70'), number: 'AC-20417', state: 'not_synced' },
    synced(otherDirectCost('598134332799102', 'PF-3390'), xero('bill', '9c7f5d4e-b180-42d3-9e6f-708192a3b4c5'), 'PF-3390'),
    synced(otherDirectCost('598134332799101', 'HCH-5520'), xero('bill', '8b6e4c3d-a07f-41c2-8d5e-6f708192a3b4'), 'HCH-5520'),

    // ── Xero Account Transactions (Job Materials, Progress Claims Income) ────────────────────────
    { ref: xero('credit_note', '4d2e0f9a-6c3b-4d8e-8f10-2b3c4d5e6f70'), number: 'CN-0042', state: 'not_synced' },
    failed(
      { ref: xero('manual_journal', '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'), number: 'MJ-0031' },
      blocked(
        { kind: 'tracking_option', name: 'Job: HVT-Podium' },
        'tracking_not_mapped',
        'The journal is tracked to "Job: HVT-Podium", which is not mapped to a Procore project, so the accrual has no budget to land in.',
        'Map the tracking option "Job: HVT-Podium" to its Procore project in the integration settings, then re-sync.',
      ),
    ),
    { ref: xero('receive_money', '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a'), number: 'RET-2', state: 'not_synced' },

    // ── Zoho Books, the sister project: Invoices and Bills ────────────────────────────────────────
    synced(zohoPayApp('598134340000001', 'PA-02'), zoho('invoice', '5254962000000234567'), 'INV-000112'),
    {
      ...zohoPayApp('598134340000002', 'PA-03'),
      state: 'not_synced',
      counterpart: { ref: zoho('invoice', '5254962000000234568'), number: 'INV-000113' },
      differences: [{ field: 'retention', label: 'Retention', here: '$2,595.00', there: '$0.00' }],
    },
    failed(
      { ref: zoho('invoice', '5254962000000234569'), number: 'INV-000114' },
      blocked(
        { kind: 'customer', name: 'Northside Medical Centre' },
        'customer_not_mapped',
        'The customer "Northside Medical Centre" is not the owner on the Procore project this organisation books into, so the invoice has no prime contract.',
        "Map the customer to its Procore project in the integration's customer mapping, then re-sync.",
      ),
    ),
    synced({ ref: procore('direct_cost', '598134340100001', zohoProject), number: 'AC-20391' }, zoho('bill', '5254962000000345671'), 'BILL-2201'),
    {
      ref: procore('direct_cost', '598134340100002', zohoProject),
      number: 'BSF-4471',
      state: 'not_synced',
      counterpart: { ref: zoho('bill', '5254962000000345672'), number: 'BILL-2202' },
      differences: [{ field: 'tax', label: 'Tax', here: '$0.00', there: '$2,888.64' }],
    },
    // The bills after the first two (the demo shows ten a page).
    synced({ ref: zohoBill(0), number: 'BILL-3000' }, procore('direct_cost', '598134340100010', zohoProject), 'AC-20502'),
    {
      ref: zohoBill(1),
      number: 'BILL-3001',
      state: 'not_synced',
      counterpart: { ref: procore('direct_cost', '598134340100011', zohoProject), number: 'BSF-4502' },
      differences: [{ field: 'amount', label: 'Amount', here: '$1,811.00', there: '$1,181.00' }],
    },
    synced({ ref: zohoBill(2), number: 'BILL-3002' }, procore('direct_cost', '598134340100012', zohoProject), 'CES-7730'),
    failed({ ref: zohoBill(3), number: 'BILL-3003' }, unmappedVendor('Ridgeway Glazing Co.', 'xero')),
    synced({ ref: zohoBill(4), number: 'BILL-3004' }, procore('direct_cost', '598134340100014', zohoProject), 'MWR-0915'),
    { ref: zohoBill(5), number: 'BILL-3005', state: 'not_synced' },
  ];
}

/** The fixture's generated Zoho bills, after its first two. */
function zohoBill(i: number): RecordRef {
  return zoho('bill', offset('5254962000001000000', i));
}

/** A supported list as the demo opens it. */
export interface DemoPage {
  /** Short and file-name safe: the demo names its screenshots after it. */
  name: string;
  title: string;
  /** The address the demo opens. */
  url: string;
  /** The e2e fixture that stands in for it, under e2e/fixtures/. */
  fixture: string;
}

const procoreTools = `https://app.procore.com/webclients/host/companies/${demoCompany.procoreCompanyId}/projects/${demoCompany.xeroProjectId}/tools`;
const zohoApp = `https://${demoCompany.zohoHost}/app/${demoCompany.zohoOrganizationId}`;

/**
 * Every supported list, in the order the demo walks through them. The demo re-syncs the first cross
 * it sees on each; every page has two or more among its first rows, so one stays a cross.
 */
export const demoPages: readonly DemoPage[] = [
  { name: 'procore-owner-invoices', title: 'Procore Invoicing: Owner', url: `${procoreTools}/invoicing`, fixture: 'procore/invoicing.html' },
  {
    name: 'procore-subcontractor-invoices',
    title: 'Procore Invoicing: Subcontractor',
    url: `${procoreTools}/invoicing/subcontractor`,
    fixture: 'procore/invoicing.html',
  },
  { name: 'procore-direct-costs', title: 'Procore Direct Costs', url: `${procoreTools}/direct_costs`, fixture: 'procore/direct-costs.html' },
  {
    name: 'procore-direct-costs-legacy',
    title: 'Procore Direct Costs (legacy)',
    url: `https://us02.procore.com/${demoCompany.xeroProjectId}/project/direct_costs`,
    fixture: 'procore/direct-costs-legacy.html',
  },
  {
    name: 'xero-invoices',
    title: 'Xero Invoices',
    url: 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED',
    fixture: 'xero/invoices-classic.html',
  },
  {
    name: 'xero-bills-to-pay',
    title: 'Xero Bills to pay',
    url: 'https://go.xero.com/AccountsPayable/Search.aspx',
    fixture: 'xero/bills-classic.html',
  },
  {
    name: 'xero-bills',
    title: 'Xero Bills',
    url: `https://go.xero.com/app/${demoCompany.xeroShortCode}/bills/list/all`,
    fixture: 'xero/bills-list.html',
  },
  {
    name: 'xero-account-transactions',
    title: 'Xero Account Transactions',
    url: `https://reporting.xero.com/${demoCompany.xeroShortCode}/v2/Run/New/1009`,
    fixture: 'xero/account-transactions.html',
  },
  {
    name: 'zoho-invoices',
    title: 'Zoho Books Invoices',
    url: `${zohoApp}#/invoices`,
    fixture: 'zoho/books.html',
  },
  { name: 'zoho-bills', title: 'Zoho Books Bills', url: `${zohoApp}#/bills?per_page=10`, fixture: 'zoho/books.html' },
];
