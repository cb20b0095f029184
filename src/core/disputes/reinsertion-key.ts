import type { Instant } from '../brand.js';
import type { Attributes, RecordState } from '../record.js';

/**
 * What makes two records "the same record" for the no-reinsertion rule: the subject (the caller
 * scopes by it), the type, and the case number when the type has one, else when it occurred.
 */
export function reinsertionKey(r: { readonly type: string; readonly attributes: Attributes; readonly occurredAt: Instant }): string {
  const caseNumber = r.attributes.caseNumber;
  return typeof caseNumber === 'string' && caseNumber.trim() !== ''
    ? `${r.type}#case:${caseNumber.trim()}`
    : `${r.type}#at:${r.occurredAt}`;
}

/** A record that a dispute removed: corrected or retracted while it had (or after it had) a dispute. */
export const removedAfterDispute = (r: RecordState): boolean =>
  r.dispute !== undefined && (r.status === 'corrected' || r.status === 'retracted');
