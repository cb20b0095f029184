import { hash } from 'node:crypto';
import type { ValidItem } from './validate-item.js';

/**
 * SHA-256 of the normalized item without its ref: equal for resubmissions that mean the same record.
 * Fields go in a fixed order and attributes (flat scalars) sorted by name, so equal items hash equally.
 */
export function payloadHash(item: ValidItem): string {
  const attributes = Object.keys(item.attributes).sort().map((k) => [k, item.attributes[k]]);
  const fields = [item.subject.id, item.type, item.occurredAt, item.legalBasis, item.evidenceRef ?? null, item.consent ?? null, attributes];
  // One-shot hash: no Hash object per record on the import path.
  return hash('sha256', JSON.stringify(fields), 'base64url');
}
