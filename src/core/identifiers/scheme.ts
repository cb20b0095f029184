import type { Instant, SubjectId } from '../brand.js';
import type { ErrorCode } from '../errors.js';
import type { Rng } from '../random.js';
import type { SubjectKind } from '../subject.js';

/** A valid identifier, normalized, with what it says about its subject. */
export interface ParsedIdentifier {
  readonly scheme: string;
  /** Canonical form: trimmed, NFKC-folded (full-width digits), upper case. */
  readonly identifier: string;
  readonly kind: SubjectKind;
  /** The 6-digit administrative division code carried by the identifier. */
  readonly region: string;
  /** Full name of the most specific known division, e.g. `北京市朝阳区`. */
  readonly regionName?: string;
  /** `${scheme}:${identifier}`. */
  readonly subjectId: SubjectId;
}

export type ParseResult =
  | { readonly ok: true; readonly value: ParsedIdentifier }
  | { readonly ok: false; readonly code: Extract<ErrorCode, 'invalid_identifier' | 'unknown_identifier_scheme'>; readonly error: string };

export interface ParseOptions {
  /** Reference instant: identifiers that encode a later date (a birth in the future) are rejected. */
  readonly at?: Instant;
}

export interface GenerateOptions {
  /** A known 6-digit division code; a random known county when absent. */
  readonly region?: string;
  /** The kind of subject to generate for; must be one of the scheme's `subjectKinds`. */
  readonly kind?: SubjectKind;
}

/** One identifier scheme, a plug-in: parses and validates raw input, and makes valid demo identifiers. */
export interface IdentifierScheme {
  readonly id: string;
  readonly title: string;
  /** The kinds of subject this scheme identifies. */
  readonly subjectKinds: readonly SubjectKind[];
  /** A valid identifier, for documentation and forms. */
  readonly example: string;
  parse(raw: string, opts?: ParseOptions): ParseResult;
  generate(rng: Rng, opts?: GenerateOptions): string;
}
