import { describe, expect, it } from 'vitest';
import { listPageOf } from './testing';
import { zohoBooks } from './zoho-books';

const page = (url: string) => listPageOf(zohoBooks, url);

function row(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = `<table><tbody>${html}</tbody></table>`;
  return holder.querySelector('tr') as Element;
}

describe('Zoho Books list pages', () => {
  it.each([
    ['https://books.zoho.com/app/60012345678#/invoices', 'zoho_invoices'],
    ['https://books.zoho.eu/app/60012345678#/invoices?filter_by=Status.All&per_page=25&sort_column=created_time&sort_order=D', 'zoho_invoices'],
    ['https://books.zoho.in/app/60012345678#/bills', 'zoho_bills'],
    ['https://books.zoho.com.au/app/60012345678#/invoices/5254962000000234567', 'zoho_invoices'],
  ])('%s is the %s list', (url, kind) => {
    expect(zohoBooks.listPage(new URL(url))?.kind).toBe(kind);
  });

  it('keeps the organisation and the data centre', () => {
    expect(page('https://books.zoho.eu/app/20087654321#/bills').scope).toEqual({ organizationId: '20087654321', host: 'books.zoho.eu' });
  });

  it.each(['https://books.zoho.com/app/60012345678#/contacts', 'https://books.zoho.com/app/60012345678#/home', 'https://books.zoho.com/'])(
    '%s is not a list we decorate',
    (url) => {
      expect(zohoBooks.listPage(new URL(url))).toBeNull();
    },
  );
});

describe('Zoho Books rows', () => {
  const invoices = page('https://books.zoho.com/app/60012345678#/invoices');

  it('reads the record id from the row, as a string past 2^53', () => {
    expect(zohoBooks.recordOfRow(row('<tr id="5254962000000234567"><td>INV-000112</td></tr>'), invoices)).toEqual({
      system: 'zoho_books',
      recordType: 'invoice',
      organizationId: '60012345678',
      recordId: '5254962000000234567',
      host: 'books.zoho.com',
    });
  });

  it('ignores Ember ids, markup and rows whose link names another record', () => {
    const rows = [
      row('<tr id="ember1234"><td>INV-1</td></tr>'),
      row('<tr id="5254962000000234567&lt;img&gt;"><td>x</td></tr>'),
      row('<tr id="5254962000000234567"><td><a href="#/invoices/5254962000000239999">INV-2</a></td></tr>'),
    ];
    for (const r of rows) expect(zohoBooks.recordOfRow(r, invoices)).toBeNull();
  });
});
