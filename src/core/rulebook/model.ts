import type { SubjectKind } from '../subject.js';
import type { Duration } from '../duration.js';

/**
 * The rulebook as validated from YAML. Field names here are the YAML keys (see docs/rulebook.md).
 * Every rule carries a `source`: the public text it rests on.
 */

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** A condition on one attribute of a record (or one field of a check's context). */
export interface ValueCondition {
  readonly eq?: string | number | boolean;
  readonly in?: readonly (string | number)[];
  readonly gte?: number;
  readonly gt?: number;
  readonly lte?: number;
  readonly lt?: number;
}
/** All conditions must hold; keys are attribute names. */
export type Conditions = Readonly<Record<string, ValueCondition>>;

export interface GradeBand {
  readonly grade: Grade;
  /** Lowest points for this grade; the last band (D) has no minimum. */
  readonly min?: number;
}

export interface PointRule {
  readonly id: string;
  /** The record type this rule applies to (taxonomy code). */
  readonly type: string;
  /** Attribute conditions; a record matches the first rule of its type whose conditions hold. */
  readonly when?: Conditions;
  /** Points moved by one matching record (negative for a deduction). */
  readonly points: number;
  /** Multiply `points` by this integer attribute (e.g. `cycles` of arrears), at least 1. */
  readonly per?: string;
  /** Points this record moves once fulfilled (default 0: fulfilment restores). */
  readonly fulfilledPoints?: number;
  /** How long the record counts, from `occurredAt`. At most five years for negative records. */
  readonly term: Duration;
  /** Bound on the total points all records of this type can move (same sign as points). */
  readonly cap?: number;
  /** Stop counting while a dispute of the record is open (not only once its deadline passes). */
  readonly suspendWhileDisputed?: boolean;
  readonly source: string;
}

export type ListKind = 'black' | 'red';

export interface ListEntry {
  /** Records of these types put the subject on the list ... */
  readonly types?: readonly string[];
  /** ... when their attributes meet these conditions. */
  readonly when?: Conditions;
  /** Or: the subject's grade is one of these (red lists, typically). */
  readonly grades?: readonly Grade[];
}

export interface ListExtension {
  /** Integer attribute holding the extension in years (e.g. a court's 1–3 year extension). */
  readonly attribute: string;
  readonly maxYears: number;
}

export interface Publicity {
  /** Earliest an early restoration may be applied for. */
  readonly minimum: Duration;
  /** Removal is automatic at the maximum. */
  readonly maximum: Duration;
}

export interface ListDefinition {
  readonly id: string;
  readonly kind: ListKind;
  readonly name: string;
  readonly subjects: readonly SubjectKind[];
  readonly entry: ListEntry;
  /** Term of a record-based listing from the record's `occurredAt` (absent for grade-based lists). */
  readonly term?: Duration;
  readonly extension?: ListExtension;
  /** Fulfilment of the record that put the subject there lifts the listing at once. */
  readonly exitOnFulfilment: boolean;
  readonly publicity?: Publicity;
  readonly source: string;
}

/** One context field of an action: a closed enum, a number, or a boolean. */
export interface ContextField {
  readonly type: 'enum' | 'number' | 'boolean';
  readonly values?: readonly string[];
  readonly required: boolean;
  readonly description?: string;
}

export interface ActionDefinition {
  readonly id: string;
  readonly sector: string;
  readonly description: string;
  readonly context: Readonly<Record<string, ContextField>>;
}

export type MeasureEffect = 'deny' | 'benefit';

export interface MeasureTrigger {
  /** The subject is on this list ... */
  readonly list?: string;
  /** ... or has one of these grades ... */
  readonly grades?: readonly Grade[];
  /** ... and the check's context meets these conditions. */
  readonly context?: Conditions;
  /** Only for these subject kinds (default: all). */
  readonly subjects?: readonly SubjectKind[];
}

export interface Measure {
  readonly id: string;
  readonly action: string;
  readonly effect: MeasureEffect;
  /** For benefits: what the relying party may grant (e.g. `deposit-waived`, `fast-track`). */
  readonly benefit?: string;
  readonly when: MeasureTrigger;
  readonly kind: 'discipline' | 'incentive';
  readonly description: string;
  readonly legalBasis: string;
  readonly source: string;
}

export interface DisputePolicy {
  /** Default days the furnisher has to verify a disputed record. */
  readonly verifyWithinDays: number;
  readonly workingDays: boolean;
  /** Per record type overrides. */
  readonly perType?: Readonly<Record<string, { readonly verifyWithinDays: number; readonly workingDays: boolean }>>;
  readonly source: string;
}

export interface Grading {
  /** Points every subject starts from. */
  readonly base: number;
  /** Bands from AAA down to D, each with its minimum points (D has none). */
  readonly bands: readonly GradeBand[];
  readonly source: string;
}

export interface Rulebook {
  readonly version: string;
  readonly title: string;
  readonly grading: Grading;
  readonly rules: readonly PointRule[];
  readonly lists: readonly ListDefinition[];
  readonly actions: readonly ActionDefinition[];
  readonly measures: readonly Measure[];
  readonly disputes: DisputePolicy;
}
