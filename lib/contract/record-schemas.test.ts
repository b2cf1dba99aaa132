import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { recordRefSchema } from './record-schemas';
import { asRecordRef, procoreRecordTypes, type RecordRef, recordKey, systems, xeroRecordTypes } from './records';

const guid = '7f4b6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

/** The content script's check (no zod) and the service's schema, asked the same question. */
const verdicts = (input: unknown) => {
  const parsed = recordRefSchema.safeParse(input);
  return { check: asRecordRef(input), schema: parsed.success ? parsed.data : null };
};

describe('a record reference, checked by the content script and by the service alike', () => {
  it('describes the same RecordRef type', () => {
    expectTypeOf<z.infer<typeof recordRefSchema>>().toEqualTypeOf<RecordRef>();
  });

  it('keeps ids as strings, even past 2^53', () => {
    const { check, schema } = verdicts({ system: 'zoho_books', recordType: 'bill', organizationId: '60012345678', recordId: '5254962000000234567' });
    expect(check?.recordId).toBe('5254962000000234567');
    expect(check).toEqual(schema);
  });

  it('lower-cases Xero GUIDs so one record has one key', () => {
    const { check, schema } = verdicts({ system: 'xero', recordType: 'bill', recordId: guid.toUpperCase() });
    expect(check && recordKey(check)).toBe(`xero/bill/${guid}`);
    expect(check).toEqual(schema);
  });

  it.each([
    // eslint-disable-next-line no-loss-of-precision -- a Zoho id sent as a number, exactly what must be refused
    ['a numeric id', { system: 'zoho_books', recordType: 'bill', organizationId: '1', recordId: 5254962000000234567 }],
    ['an id with markup', { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '1<script>' }],
    ['a type of another system', { system: 'zoho_books', recordType: 'direct_cost', organizationId: '1', recordId: '2' }],
    ['an unknown system', { system: 'sage', recordType: 'bill', recordId: '1' }],
    ['extra fields', { system: 'xero', recordType: 'bill', recordId: guid, token: 'x' }],
    ['a foreign host', { system: 'procore', recordType: 'direct_cost', projectId: '1', recordId: '2', host: 'evil.com' }],
    ['an array', [{ system: 'xero', recordType: 'bill', recordId: guid }]],
    ['nothing', null],
  ])('refuses %s', (_, input) => {
    expect(verdicts(input)).toEqual({ check: null, schema: null });
  });

  it('gives the same verdict and the same reference on any near-valid input', () => {
    // Well-formed references with up to three fields changed, dropped or added: most cases fall
    // close to an edge of the rules, on either side.
    const wellFormed = fc.constantFrom<Record<string, unknown>>(
      { system: 'procore', recordType: 'direct_cost', companyId: '1', projectId: '598134325548164', recordId: '12', contractId: '5', host: 'us02.procore.com' },
      { system: 'procore', recordType: 'owner_invoice', projectId: '5', recordId: '9' },
      { system: 'xero', recordType: 'bill', shortCode: '!kh5BZ', recordId: guid.toUpperCase() },
      { system: 'xero', recordType: 'credit_note', recordId: guid },
      { system: 'zoho_books', recordType: 'invoice', organizationId: '60012345678', recordId: '5254962000000234567', host: 'books.zoho.eu' },
    );
    const names = ['system', 'recordType', 'companyId', 'projectId', 'recordId', 'contractId', 'host', 'shortCode', 'organizationId', 'token'];
    const value = fc.oneof(
      fc.constantFrom(...systems, ...procoreRecordTypes, ...xeroRecordTypes, 'sage'),
      fc.constantFrom('1', '0', '01', '598134325548164', '123456789012345678901', guid, guid.toUpperCase(), `${guid}x`),
      fc.constantFrom('!kh5BZ', '!k', 'kh5BZ', 'us02.procore.com', 'evil.com', 'books.zoho.eu', 'a.b', 'BOOKS.ZOHO.EU', ''),
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const change = fc.tuple(fc.constantFrom(...names), fc.option(value, { nil: 'drop' as const }));
    const input = fc.tuple(wellFormed, fc.array(change, { maxLength: 3 })).map(([ref, changes]) => {
      const changed = { ...ref };
      for (const [name, to] of changes) {
        if (to === 'drop') delete changed[name];
        else changed[name] = to;
      }
      return changed;
    });
    let accepted = 0;
    fc.assert(
      fc.property(input, (candidate) => {
        const { check, schema } = verdicts(candidate);
        expect(check).toEqual(schema);
        if (check) accepted++;
      }),
      { numRuns: 5_000 },
    );
    // Both sides of the edge were tried.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_500);
  });
});
