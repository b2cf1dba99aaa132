import { describe, expect, it } from 'vitest';
import { listPageOf } from './testing';
import { procore } from './procore';

const company = '598134325511640';
const project = '598134325548164';

const page = (url: string) => listPageOf(procore, url);

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html.trim();
  return holder.firstElementChild as Element;
}

describe('Procore list pages', () => {
  it.each([
    [`https://us02.procore.com/${project}/project/direct_costs`, 'procore_direct_costs', undefined],
    [`https://app.procore.com/${project}/project/direct_costs/summary/index?page=2&sort[attribute]=date`, 'procore_direct_costs', undefined],
    [`https://app.procore.com/webclients/host/companies/${company}/projects/${project}/tools/direct_costs`, 'procore_direct_costs', company],
    [`https://app.procore.com/webclients/host/companies/${company}/projects/${project}/tools/invoicing`, 'procore_owner_invoices', company],
    [`https://sandbox.procore.com/webclients/host/companies/${company}/projects/${project}/tools/invoicing/subcontractor/`, 'procore_subcontractor_invoices', company],
  ])('%s is the %s list', (url, kind, companyId) => {
    expect(procore.listPage(new URL(url))).toMatchObject({ kind, scope: { projectId: project, companyId } });
  });

  it.each([
    `https://app.procore.com/${project}/project/direct_costs/598134332797815`,
    `https://app.procore.com/${project}/project/rfis`,
    `https://app.procore.com/webclients/host/companies/${company}/projects/${project}/tools/invoicing/requisitions/1/2`,
  ])('%s is not a list we decorate', (url) => {
    expect(procore.listPage(new URL(url))).toBeNull();
  });
});

describe('Procore rows', () => {
  const directCosts = page(`https://us02.procore.com/${project}/project/direct_costs`);
  const owner = page(`https://app.procore.com/webclients/host/companies/${company}/projects/${project}/tools/invoicing`);
  const subcontractor = page(`https://app.procore.com/webclients/host/companies/${company}/projects/${project}/tools/invoicing/subcontractor`);

  it('reads a legacy table row from its link', () => {
    const row = element(`<table><tbody><tr><td><a href="/${project}/project/direct_costs/598134332797815">10/02/2026</a></td><td>Acme</td></tr></tbody></table>`)
      .querySelector('tr') as Element;
    expect(procore.recordOfRow(row, directCosts)).toEqual({
      system: 'procore',
      recordType: 'direct_cost',
      projectId: project,
      recordId: '598134332797815',
      host: 'us02.procore.com',
    });
  });

  it('reads an owner invoice row with its prime contract from the link', () => {
    const row = element(`<div class="ag-row" row-id="562950099171911">
      <div class="ag-cell" id="row-562950099171911-column-number"><a href="/${project}/project/prime_contracts/562949953443325/payment_applications/562950099171911">7</a></div></div>`);
    expect(procore.recordOfRow(row, owner)).toEqual({
      system: 'procore',
      recordType: 'owner_invoice',
      companyId: company,
      projectId: project,
      contractId: '562949953443325',
      recordId: '562950099171911',
      host: 'app.procore.com',
    });
  });

  it('reads a subcontractor invoice row in either link style', () => {
    const newStyle = element(`<div class="ag-row" row-id="1"><a href="/webclients/host/companies/${company}/projects/${project}/tools/invoicing/requisitions/598134325935052/598134325962303">SC-4</a></div>`);
    const legacy = element(`<div class="ag-row"><a href="/${project}/project/commitments/purchase_order_contracts/598134325935052/requisitions/598134325962303">SC-4</a></div>`);
    for (const row of [newStyle, legacy]) {
      expect(procore.recordOfRow(row, subcontractor)).toMatchObject({ recordId: '598134325962303', contractId: '598134325935052' });
    }
  });

  it("trusts AG Grid's row-id only when the cells confirm it, as in a pinned container without the link", () => {
    const pinned = element(`<div class="ag-row" row-id="562950099171911"><div class="ag-cell" id="row-562950099171911-column-status">Approved</div></div>`);
    expect(procore.recordOfRow(pinned, owner)).toEqual({
      system: 'procore',
      recordType: 'owner_invoice',
      companyId: company,
      projectId: project,
      recordId: '562950099171911',
      host: 'app.procore.com',
    });
    const bareIndex = element(`<div class="ag-row" row-id="12"><div class="ag-cell">Approved</div></div>`);
    expect(procore.recordOfRow(bareIndex, owner)).toBeNull();
  });

  it('reads the record from the pinned part of a row when our slot is in another part (AG Grid 35)', () => {
    const grid = element(`<div class="ag-root-wrapper"><div class="ag-root">
      <div class="ag-pinned-left-cols-container"><div class="ag-row" row-id="3" row-index="0">
        <div class="ag-cell"><a href="/${project}/project/prime_contracts/562949953443325/payment_applications/562950099171913">3</a></div></div></div>
      <div class="ag-center-cols-container"><div class="ag-row" row-id="3" row-index="0"><div class="ag-cell">Approved</div></div></div>
      <div class="ag-pinned-right-cols-container"><div class="ag-row" row-id="3" row-index="0"><div class="ag-cell"><div data-erp-sync-slot></div></div></div></div>
    </div></div>`);
    document.body.append(grid);
    try {
      const found = procore.layout(document, owner);
      expect(found?.columnHost).toBe(grid);
      expect(found?.rows).toHaveLength(1);
      const [slotRow] = found?.rows ?? [];
      expect(found?.slotOf?.(slotRow as Element)?.hasAttribute('data-erp-sync-slot')).toBe(true);
      expect(procore.recordOfRow(slotRow as Element, owner)).toMatchObject({ recordType: 'owner_invoice', recordId: '562950099171913' });
    } finally {
      grid.remove();
    }
  });

  it("names a grid's undrawn row by its id alone: the list's type, in the page's project", () => {
    expect(procore.recordOfRowId?.('562950099171920', owner)).toEqual({
      system: 'procore',
      recordType: 'owner_invoice',
      companyId: company,
      projectId: project,
      recordId: '562950099171920',
      host: 'app.procore.com',
    });
    expect(procore.recordOfRowId?.('598134332797900', directCosts)).toMatchObject({ recordType: 'direct_cost', projectId: project, recordId: '598134332797900' });
  });

  it('never reads by row id a row that opens another kind of record (a list the page is replacing)', () => {
    const subcontractorRow = element(`<div class="ag-row" row-id="598134325962303">
      <div id="row-598134325962303-column-number"><a href="/webclients/host/companies/${company}/projects/${project}/tools/invoicing/requisitions/1/598134325962303">1</a></div></div>`);
    expect(procore.recordOfRow(subcontractorRow, owner)).toBeNull();
    expect(procore.recordOfRow(subcontractorRow, subcontractor)).toMatchObject({ recordType: 'subcontractor_invoice' });
  });

  it('shows nothing for rows it cannot read with confidence', () => {
    const tableRow = (cells: string) => element(`<table><tbody><tr>${cells}</tr></tbody></table>`).querySelector('tr') as Element;
    const otherProject = tableRow(`<td><a href="/111/project/direct_costs/598134332797815">x</a></td>`);
    const disagreeing = element(`<div><a href="/${project}/project/direct_costs/1">a</a><a href="/${project}/project/direct_costs/2">b</a></div>`);
    const markup = element(`<div class="ag-row" row-id="1&quot;><img src=x>"><div id="row-1&quot;><img src=x>-column-x"></div></div>`);
    const nothing = tableRow('<td>Total</td><td>$12,400.00</td>');
    for (const row of [otherProject, disagreeing, markup, nothing]) expect(procore.recordOfRow(row, directCosts)).toBeNull();
  });
});
