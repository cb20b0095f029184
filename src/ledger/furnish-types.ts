import type { Instant } from '../core/brand.js';
import type { ItemResult } from '../core/ledger/item-result.js';

/**
 * The furnishing contract shared by the API, the CLI importer and the demo generator.
 * A record as a furnisher sends it: untrusted until validated against the taxonomy, the identifier
 * scheme and the furnisher's scope.
 */
export interface RecordInput {
  /** The furnisher's own id for the record: the idempotency key. */
  readonly furnisherRef: string;
  readonly subject: { readonly scheme: string; readonly identifier: string };
  readonly type: string;
  /** ISO 8601 date or date-time of the conduct. */
  readonly occurredAt: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly legalBasis: string;
  readonly evidenceRef?: string;
  /** For consent-bound record types (positive civic records). */
  readonly consent?: boolean;
}

export type { ItemResult } from '../core/ledger/item-result.js';

export interface BatchResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly items: readonly ItemResult[];
}

/** Upper bound on records in one furnishing batch (API and importer alike). */
export const MAX_BATCH = 1000;

/** Upper bound on batches committed together by `furnishMany`. */
export const MAX_BATCHES_PER_COMMIT = 20;

/** What the importer needs from the registry; implemented over the store by the ledger. */
export interface Furnishing {
  /** Validates, then commits all accepted items atomically; resolves only once they are durable. */
  furnish(furnisherId: string, batch: readonly unknown[], at: Instant): Promise<BatchResult>;
  /**
   * Optional, for bulk import: up to 20 batches committed in one transaction (one durable sync
   * instead of one per batch); each batch answered exactly as `furnish` would have, in order.
   */
  furnishMany?(furnisherId: string, batches: readonly (readonly unknown[])[], at: Instant): Promise<readonly BatchResult[]>;
}
