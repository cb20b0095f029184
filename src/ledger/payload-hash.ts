import { hash } from 'node:crypto';
import type { RecordState } from '../core/record.js';

/** The facts a payload hash covers: a validated item and a stored record both have them. */
export type HashedFacts = Pick<RecordState, 'type' | 'occurredAt' | 'attributes' | 'legalBasis' | 'evidenceRef' | 'consent'>;

/**
 * SHA-256 of a record's facts without its ref: equal for resubmissions that mean the same record.
 * Fields go in a fixed order and attributes (flat scalars) sorted by name, so equal facts hash equally.
 * Not stored: it is derived from the facts whenever a ref is met again, so a new record costs none.
 */
export function payloadHash(subjectId: string, facts: HashedFacts): string {
  const attributes = Object.keys(facts.attributes).sort().map((k) => [k, facts.attributes[k]]);
  const fields = [subjectId, facts.type, facts.occurredAt, facts.legalBasis, facts.evidenceRef ?? null, facts.consent ?? null, attributes];
  return hash('sha256', JSON.stringify(fields), 'base64url');
}

/** Whether two records' facts are the same record's, as their payload hashes say. */
export const sameFacts = (aSubject: string, a: HashedFacts, bSubject: string, b: HashedFacts): boolean =>
  payloadHash(aSubject, a) === payloadHash(bSubject, b);
