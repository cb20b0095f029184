import type { RecordId } from '../brand.js';
import type { ErrorCode } from '../errors.js';

/** The answer for one item of a furnishing batch: accepted (new or a duplicate) with its record id, or rejected with why. */
export type ItemResult =
  | { readonly index: number; readonly furnisherRef: string; readonly status: 'accepted'; readonly recordId: RecordId; readonly duplicate: boolean }
  | { readonly index: number; readonly furnisherRef: string | null; readonly status: 'rejected'; readonly code: ErrorCode; readonly reason: string };
