import type { RecordId } from '../core/brand.js';
import type { FurnishedRecord } from '../core/ledger/ledger-event.js';
import type { ValidItem } from './validate-item.js';

/** The record as its furnishing event states it. */
export const furnishedRecord = (item: ValidItem, id: RecordId, furnisherId: string): FurnishedRecord => ({
  recordId: id,
  subjectKind: item.subject.kind,
  type: item.type,
  occurredAt: item.occurredAt,
  attributes: item.attributes,
  legalBasis: item.legalBasis,
  ...(item.evidenceRef !== undefined ? { evidenceRef: item.evidenceRef } : {}),
  furnisherId,
  furnisherRef: item.furnisherRef,
  ...(item.consent !== undefined ? { consent: item.consent } : {}),
  ...(item.certified ? { certified: true } : {}),
});
