// Zoho Books' Bills fixture shows any number of bills (#/bills?per_page=n): its two first-page
// bills, then generated ones. This names the record of each row, for the tests of long lists and
// for the benchmark.
import type { RecordRef } from '../lib/contract/records';

export const ZOHO_ORGANIZATION = '60012345678';

/** The bill in row i of the fixture's list. */
export const zohoBillRef = (i: number): RecordRef => ({
  system: 'zoho_books',
  recordType: 'bill',
  organizationId: ZOHO_ORGANIZATION,
  recordId: i < 2 ? String(5254962000000345671n + BigInt(i)) : String(5254962000001000000n + BigInt(i - 2)),
});
