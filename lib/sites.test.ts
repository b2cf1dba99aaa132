import { describe, expect, it } from 'vitest';
import { matchPatterns, siteOf } from './sites';

describe('siteOf', () => {
  it.each([
    ['https://app.procore.com/webclients/host/companies/1/projects/2/tools/invoicing', 'procore'],
    ['https://us02.procore.com/598134325548164/project/direct_costs', 'procore'],
    ['https://sandbox.procore.com/1/project/direct_costs', 'procore'],
    ['https://go.xero.com/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS/DRAFT', 'xero'],
    ['https://reporting.xero.com/!kh5BZ/v2/Run/New/1009', 'xero'],
    ['https://books.zoho.com/app/60012345678#/invoices', 'zoho_books'],
    ['https://books.zoho.eu/app/60012345678#/bills', 'zoho_books'],
    ['https://books.zoho.com.au/app/1#/bills', 'zoho_books'],
    ['https://books.zohocloud.ca/app/1#/invoices', 'zoho_books'],
    ['https://BOOKS.ZOHO.IN/app/1#/invoices', 'zoho_books'],
  ])('recognises %s as %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['an unrelated origin', 'https://example.com/'],
    ['a look-alike suffix', 'https://app.procore.com.evil.example/1/project/direct_costs'],
    ['a look-alike prefix', 'https://evilprocore.com/1/project/direct_costs'],
    ['another Xero host', 'https://login.xero.com/'],
    ['another Zoho product', 'https://crm.zoho.com/crm'],
    ['plain http', 'http://app.procore.com/1/project/direct_costs'],
    ['not a URL', 'procore.com'],
  ])('refuses %s', (_, url) => {
    expect(siteOf(url)).toBeNull();
  });
});

describe('matchPatterns', () => {
  it('covers every supported host over https only', () => {
    const patterns = matchPatterns();
    expect(patterns).toContain('https://*.procore.com/*');
    expect(patterns).toContain('https://go.xero.com/*');
    expect(patterns).toContain('https://reporting.xero.com/*');
    expect(patterns).toContain('https://books.zoho.com/*');
    expect(patterns.every((p) => p.startsWith('https://'))).toBe(true);
  });

  it('matches exactly the pages siteOf accepts', () => {
    for (const pattern of matchPatterns()) {
      const sample = pattern.replace('*.', 'app.').replace(/\/\*$/, '/some/page');
      expect(siteOf(sample), sample).not.toBeNull();
    }
  });
});
