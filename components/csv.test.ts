import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes every field, doubles quotes, and keeps formulas as text', () => {
    expect(toCsv(['Record', 'Error'], [['xero/bill/1', 'Said "no"'], ['=HYPERLINK("x")', '-5']])).toBe(
      '"Record","Error"\r\n"xero/bill/1","Said ""no"""\r\n"\'=HYPERLINK(""x"")","\'-5"\r\n',
    );
  });
});
