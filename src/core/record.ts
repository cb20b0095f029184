import type { Instant, RecordId, SubjectId } from './brand.js';

/** Attribute values are closed scalars; the taxonomy says which names and types a record type takes. */
export type AttributeValue = string | number | boolean;
export type Attributes = Readonly<Record<string, AttributeValue>>;

/**
 * Stored lifecycle status. `expired` and `disputed` are not stored: expiry is a function of time and
 * the rulebook, and disputes live in `dispute`.
 */
export type RecordStatus = 'active' | 'fulfilled' | 'corrected' | 'retracted';

/** The dispute state that matters for standing (the full timeline is kept by the ledger). */
export interface RecordDispute {
  readonly openedAt: Instant;
  /** The furnisher must verify before this instant, or the record stops counting. */
  readonly verifyBy: Instant;
  /** When the furnisher confirmed the record; absent while unverified. */
  readonly verifiedAt?: Instant;
  /** When the dispute closed (confirmed, corrected, retracted, appeal decided). */
  readonly closedAt?: Instant;
}

/** One record as folded from its events: the fact as furnished plus its lifecycle. */
export interface RecordState {
  readonly id: RecordId;
  readonly subjectId: SubjectId;
  readonly type: string;
  readonly occurredAt: Instant;
  readonly attributes: Attributes;
  readonly legalBasis: string;
  readonly evidenceRef?: string;
  readonly furnisherId: string;
  /** The furnisher's own id for the record: the idempotency key. */
  readonly furnisherRef: string;
  readonly status: RecordStatus;
  readonly fulfilledAt?: Instant;
  /** For record types that count only with the subject's consent (positive civic records). */
  readonly consent?: boolean;
  readonly dispute?: RecordDispute;
  /** When an early restoration was granted: the publicity listings this record causes end here. */
  readonly restoredAt?: Instant;
}
