import type { Instant } from '../../core/brand.js';
import type { ErrorCode } from '../../core/errors.js';
import type { Furnishing } from '../../ledger/furnish-types.js';

export type FulfilResult =
  | { readonly status: 'accepted'; readonly duplicate: boolean }
  | { readonly status: 'rejected'; readonly code: ErrorCode; readonly reason: string };

/** A fulfilment line: the furnisher's ref of the record, and when it was performed (ISO text; default `at`). */
export interface FulfilLine {
  readonly furnisherRef: string;
  readonly fulfilledAt: string | undefined;
}

/** Where an import sends its lines: the furnishing service, plus fulfilment of the furnisher's earlier records. */
export interface ImportTarget extends Furnishing {
  /** Marks the furnisher's record `furnisherRef` fulfilled at `fulfilledAt` (ISO text; default `at`). Idempotent. */
  fulfil(furnisherId: string, furnisherRef: string, fulfilledAt: string | undefined, at: Instant): Promise<FulfilResult>;
  /** Optional, for bulk import: up to 1,000 fulfilments in one durable commit, each answered as `fulfil` would have, in order. */
  fulfilMany?(furnisherId: string, lines: readonly FulfilLine[], at: Instant): Promise<readonly FulfilResult[]>;
}
