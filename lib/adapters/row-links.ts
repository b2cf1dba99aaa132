// A list row usually links to its record. The link is read with the same parser the service uses
// for pasted addresses, so a row and a pasted URL name a record the same way.
import { parseRecordUrl } from '../contract/record-urls';
import type { RecordRef } from '../contract/records';

/** The records that a row's links open, resolved against the page's address. */
export function recordsLinkedFrom(row: Element, baseUrl: string): RecordRef[] {
  const refs: RecordRef[] = [];
  for (const anchor of row.querySelectorAll('a[href]')) {
    const href = anchor.getAttribute('href') ?? '';
    let absolute: string;
    try {
      absolute = new URL(href, baseUrl).href;
    } catch {
      continue; // a malformed href on the host page: not ours to fix
    }
    const parsed = parseRecordUrl(absolute);
    if (parsed.ok) refs.push(parsed.ref);
  }
  return refs;
}

/** One record when every link agrees on it; null when there is none or they disagree. */
export function theOneRecord(refs: RecordRef[]): RecordRef | null {
  const [first, ...rest] = refs;
  if (!first) return null;
  return rest.every((ref) => ref.recordType === first.recordType && ref.recordId === first.recordId) ? first : null;
}
