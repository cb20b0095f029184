import type { Instant } from '../../core/brand.js';
import type { ErrorCode } from '../../core/errors.js';
import type { Furnishing } from '../../ledger/furnish-types.js';

export type FulfilResult =
  | { readonly status: 'accepted'; readonly duplicate: boolean }
  | { readonly status: 'rejected'; readonly code: ErrorCode; readonly reason: string };

/** Where an import sends its lines: the furnishing service, plus fulfilment of the furnisher's earlier records. */
export interface ImportTarget extends Furnishing {
  /** Marks the furnisher's record `furnisherRef` fulfilled at `fulfilledAt` (ISO text; default `at`). Idempotent. */
  fulfil(furnisherId: string, furnisherRef: string, fulfilledAt: string | undefined, at: Instant): Promise<FulfilResult>;
}
