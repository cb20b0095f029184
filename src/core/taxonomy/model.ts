import type { SubjectKind } from '../subject.js';
import type { Duration } from '../duration.js';

/**
 * The closed taxonomy: the only kinds of fact Credence will hold. Refused domains (DESIGN.md §3)
 * have no type and no attribute, and `domain` is drawn from a closed set that excludes them.
 */
export const RECORD_DOMAINS = ['judicial', 'finance', 'tax', 'transport', 'administrative', 'regulatory', 'civic'] as const;
export type RecordDomain = (typeof RECORD_DOMAINS)[number];

/** Kinds of furnisher that may be allowed to submit a record type. */
export const FURNISHER_KINDS = ['court', 'tax_office', 'regulator', 'lender', 'transport_operator', 'public_security', 'civil_affairs'] as const;
export type FurnisherKind = (typeof FURNISHER_KINDS)[number];

export type AttributeSpec =
  | { readonly type: 'string'; readonly required: boolean; readonly maxLength: number; readonly pattern?: RegExp; readonly description: string }
  | { readonly type: 'enum'; readonly required: boolean; readonly values: readonly string[]; readonly description: string }
  | { readonly type: 'integer' | 'number'; readonly required: boolean; readonly min: number; readonly max: number; readonly description: string }
  | { readonly type: 'boolean'; readonly required: boolean; readonly description: string };

export interface RecordType {
  /** Stable dotted code, e.g. `court.defaulter.refuses_to_perform`. */
  readonly code: string;
  readonly domain: RecordDomain;
  readonly polarity: 'negative' | 'positive';
  readonly title: string;
  readonly description: string;
  readonly subjects: readonly SubjectKind[];
  readonly furnishers: readonly FurnisherKind[];
  /** Closed: any attribute not named here is rejected. */
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** How long the registry may keep the record after the conduct; at most five years for negative records. */
  readonly retention: Duration;
  /** Counts toward standing only when the subject has consented (positive civic records). */
  readonly requiresConsent: boolean;
}
