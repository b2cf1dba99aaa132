// The demo company's records against the e2e fixture pages: every page the demo opens shows, among
// its first rows, synced, not-synced and failed records read by the real site adapters; the data
// is valid for the contract; and it seeds, links both ways, and its push targets succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../../../lib/adapters';
import { listPageOf, openFixture } from '../../../lib/adapters/testing';
import { ingestRecordSchema, ingestRequestSchema } from '../../../lib/contract/api';
import { type RecordRef, recordKey } from '../../../lib/contract/records';
import type { SyncState } from '../../../lib/contract/status';
import type { SiteName } from '../../../lib/sites';
import { type OpenDatabase, openDatabase } from '../db/connect';
import { startSandboxWorker } from '../sandbox-worker';
import { getJob, queuePushes } from '../store/jobs';
import { lookupStatuses } from '../store/lookup';
import { demoReports } from './dataset';
import { seedDemo } from './seed';

interface Expected {
  state: SyncState;
  differences: boolean;
  blocked: boolean;
  counterpart: string | null;
}

/** What the service knows of each record after the seed: reported ones and the counterparts they link. */
function expectedStates(): Map<string, Expected> {
  const states = new Map<string, Expected>();
  for (const report of demoReports()) {
    const own = recordKey(report.ref);
    const other = report.counterpart ? recordKey(report.counterpart.ref) : null;
    const common = { state: report.state, differences: (report.differences?.length ?? 0) > 0, blocked: Boolean(report.error?.blockedBy) };
    states.set(own, { ...common, counterpart: other });
    if (other) states.set(other, { ...common, counterpart: own });
  }
  return states;
}

const stateOf = (states: Map<string, Expected>, ref: RecordRef) => states.get(recordKey(ref))?.state ?? 'unknown';

// ── Reading the pages ──────────────────────────────────────────────────────────────────────────

interface GridOptions {
  columns: { field: string; link?: (row: { id: string }) => string }[];
  rows: { id: string }[];
  recordIdsAsRowIds: boolean;
}

/**
 * Procore's grid pages draw their rows with AG Grid, which is not loaded here: the page's call to
 * its data table is captured, and each of the first rows is drawn as the data table draws it (a
 * row-id, cells with ids row-<record>-column-<field>, the record's link), for the real adapter.
 */
async function openGridFixture(fixture: string, url: string) {
  let latest: GridOptions | undefined;
  const grid = { destroy() {}, getColumnDefs: () => [], setGridOption() {} };
  const page = await openFixture(fixture, url, (window) => {
    Object.assign(window, { procoreDataTable: (_element: Element, options: GridOptions) => ((latest = options), grid) });
  });
  const rows = (count: number): Element[] => {
    if (!latest) throw new Error(`${fixture} drew no grid`);
    const { columns, rows: data, recordIdsAsRowIds } = latest;
    return data.slice(0, count).map((record, index) => {
      const row = page.document.createElement('div');
      row.className = 'ag-row';
      row.setAttribute('row-id', recordIdsAsRowIds ? record.id : String(index));
      for (const column of columns) {
        const cell = page.document.createElement('div');
        cell.id = `row-${record.id}-column-${column.field}`;
        const href = column.link?.(record);
        if (href) cell.innerHTML = `<a href="${href}">${column.field}</a>`;
        row.append(cell);
      }
      return row;
    });
  };
  return { ...page, rows };
}

/** The records of a page's first rows, as the site's adapter reads them; null for rows it cannot read. */
function recordsOf(site: SiteName, url: string, rows: Element[]): (RecordRef | null)[] {
  const adapter = adapters[site];
  const page = listPageOf(adapter, url);
  return rows.map((row) => adapter.recordOfRow(row, page));
}

async function tableRecords(site: SiteName, fixture: string, url: string, count: number) {
  const page = await openFixture(fixture, url);
  try {
    const adapter = adapters[site];
    const layout = adapter.layout(page.document, listPageOf(adapter, url));
    if (!layout) throw new Error(`${fixture}: no list at ${url}`);
    return recordsOf(site, url, layout.rows.slice(0, count));
  } finally {
    await page.close();
  }
}

/** The first rows of a Procore grid page, after moving inside the app where `navigate` says. */
async function gridRecords(
  fixture: string,
  url: string,
  count: number,
  navigate?: (page: Awaited<ReturnType<typeof openGridFixture>>) => Promise<void>,
) {
  const page = await openGridFixture(fixture, url);
  try {
    await navigate?.(page);
    return recordsOf('procore', page.window.location.href, page.rows(count));
  } finally {
    await page.close();
  }
}

const tools = 'https://app.procore.com/webclients/host/companies/598134325511640/projects/598134325548164/tools';

interface DemoPage {
  name: string;
  /** The pages' first rows, where a demo looks. */
  read(): Promise<(RecordRef | null)[]>;
  /** Fewer rows than that fit on the page: fewer synced ones to show. */
  minSynced: number;
}

const pages: DemoPage[] = [
  {
    name: 'Procore Invoicing: Owner',
    minSynced: 2,
    read: () => gridRecords('procore/invoicing.html', `${tools}/invoicing`, 10),
  },
  {
    name: 'Procore Invoicing: Subcontractor (reached from the Owner tab)',
    minSynced: 2,
    read: () =>
      gridRecords('procore/invoicing.html', `${tools}/invoicing`, 10, async (page) => {
        page.document.querySelector<HTMLElement>('a[data-route="subcontractor"]')?.click();
        await page.settle();
        expect(page.window.location.href).toBe(`${tools}/invoicing/subcontractor`);
      }),
  },
  {
    name: 'Procore Direct Costs',
    minSynced: 2,
    read: () => gridRecords('procore/direct-costs.html', `${tools}/direct_costs`, 15),
  },
  {
    name: 'Procore Direct Costs (legacy, four rows a page)',
    minSynced: 1,
    read: () => tableRecords('procore', 'procore/direct-costs-legacy.html', 'https://us02.procore.com/598134325548164/project/direct_costs', 10),
  },
  {
    name: 'Xero Invoices',
    minSynced: 2,
    read: () =>
      tableRecords('xero', 'xero/invoices-classic.html', 'https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/AUTHORISED', 10),
  },
  {
    name: 'Xero Bills to pay',
    minSynced: 2,
    read: () => tableRecords('xero', 'xero/bills-classic.html', 'https://go.xero.com/AccountsPayable/Search.aspx', 10),
  },
  {
    name: 'Xero Bills',
    minSynced: 2,
    read: () => tableRecords('xero', 'xero/bills-list.html', 'https://go.xero.com/app/!kh5BZ/bills/list/all', 10),
  },
  {
    name: 'Xero Account Transactions',
    minSynced: 2,
    read: () => tableRecords('xero', 'xero/account-transactions.html', 'https://reporting.xero.com/!kh5BZ/v2/Run/New/1009', 20),
  },
  {
    name: 'Zoho Books Invoices and Bills',
    minSynced: 2,
    async read() {
      const invoices = await tableRecords('zoho_books', 'zoho/books.html', 'https://books.zoho.com/app/60012345678#/invoices', 10);
      const bills = await tableRecords('zoho_books', 'zoho/books.html', 'https://books.zoho.com/app/60012345678#/bills?per_page=10', 10);
      return [...invoices, ...bills];
    },
  },
];

describe('the demo data', () => {
  it('is valid for the ingest contract, record by record and as one batch', () => {
    for (const report of demoReports()) {
      const parsed = ingestRecordSchema.safeParse(report);
      expect(parsed.error?.issues ?? [], JSON.stringify(report.ref)).toEqual([]);
    }
    expect(ingestRequestSchema.safeParse({ records: demoReports() }).success).toBe(true);
  });

  it('reports each record once, as itself or as a counterpart, and every failure names what blocks it', () => {
    const keys = demoReports().flatMap((r) => (r.counterpart ? [recordKey(r.ref), recordKey(r.counterpart.ref)] : [recordKey(r.ref)]));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    for (const report of demoReports().filter((r) => r.state === 'failed')) {
      expect(report.error?.blockedBy, report.number).toBeDefined();
    }
  });

  it('books Procore records into the project’s own system', () => {
    for (const report of demoReports()) {
      const [procore, other] = report.ref.system === 'procore' ? [report.ref, report.counterpart?.ref] : [report.counterpart?.ref, report.ref];
      if (procore?.system !== 'procore' || !other) continue;
      expect(other.system, procore.recordId).toBe(procore.projectId === '598134325548999' ? 'zoho_books' : 'xero');
    }
  });

  it('blocks no cross: whichever the demo re-syncs, the sandbox integration completes it', () => {
    const crosses = demoReports().filter((report) => report.state === 'not_synced');
    expect(crosses.length).toBeGreaterThan(10);
    for (const cross of crosses) expect(cross.error, recordKey(cross.ref)).toBeUndefined();
  });
});

describe.each(pages)('$name', (page) => {
  it('shows synced, not-synced (one with differences) and failed records among its first rows', async () => {
    const states = expectedStates();
    const refs = await page.read();
    const readable = refs.filter((ref): ref is RecordRef => ref !== null);
    expect(readable.length).toBeGreaterThan(0);
    const count = (state: SyncState) => readable.filter((ref) => stateOf(states, ref) === state).length;
    expect(count('synced')).toBeGreaterThanOrEqual(page.minSynced);
    expect(count('not_synced')).toBeGreaterThanOrEqual(2);
    expect(count('failed')).toBeGreaterThanOrEqual(1);
    // Unreported rows are few.
    expect(count('unknown')).toBeLessThanOrEqual(Math.floor(readable.length / 4));
    expect(readable.some((ref) => stateOf(states, ref) === 'not_synced' && states.get(recordKey(ref))?.differences)).toBe(true);
  });
});

describe('seeding the demo', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
  });
  afterAll(() => database.close());

  it('loads every record, linked both ways, and the sandbox completes a push of every cross', async () => {
    const { tenant, records } = await seedDemo(database.db);
    expect(records).toBe(demoReports().length);

    const states = expectedStates();
    const refs = demoReports().flatMap((r) => (r.counterpart ? [r.ref, r.counterpart.ref] : [r.ref]));
    const statuses = await lookupStatuses(database.db, tenant.id, refs);
    statuses.forEach((status, i) => {
      const expected = states.get(recordKey(refs[i] as RecordRef));
      expect(status.state, status.key).toBe(expected?.state);
      expect(status.counterpart ? recordKey(status.counterpart.ref) : null, status.key).toBe(expected?.counterpart);
      expect(status.differences.length > 0, status.key).toBe(expected?.differences);
    });

    const worker = startSandboxWorker(database.db, { delayMs: 0, failureRate: 0, pollMs: 20, tenantId: tenant.id });
    try {
      const jobs = await queuePushes(
        database.db,
        tenant.id,
        'Demo bookkeeper',
        demoReports()
          .filter((report) => report.state === 'not_synced')
          .map((report, i) => ({ ref: report.ref, idempotencyKey: `demo-push-${i}` })),
      );
      for (const job of jobs) {
        let finished = await getJob(database.db, tenant.id, job.id);
        for (let i = 0; i < 200 && (finished.state === 'queued' || finished.state === 'running'); i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          finished = await getJob(database.db, tenant.id, job.id);
        }
        expect(finished, recordKey(job.ref)).toMatchObject({ state: 'succeeded', error: null });
        expect(finished.counterpart?.ref.system).not.toBe(job.ref.system);
      }
    } finally {
      await worker.stop();
    }
  });
});
