import type { Instant, RecordId, SubjectId } from '../brand.js';
import type { SubjectKind } from '../subject.js';
import type { Grade, ListKind, MeasureEffect } from '../rulebook/model.js';

/** Why a record does or does not count at the moment the standing was computed. */
export type CountingState =
  | 'counted'
  | 'expired'
  | 'not_yet'
  | 'fulfilled'
  | 'retracted'
  | 'corrected'
  | 'no_consent'
  | 'dispute_unverified'
  | 'dispute_open'
  | 'no_rule'
  | 'capped';

/** One line of the explanation: a record, the rule it matched, and the points it moved. */
export interface ExplanationLine {
  readonly recordId: RecordId;
  readonly type: string;
  readonly ruleId: string | null;
  readonly points: number;
  readonly state: CountingState;
  /** When this record stops counting by itself (expiry), if it counts now. */
  readonly until: Instant | null;
}

export interface ListMembership {
  readonly listId: string;
  readonly kind: ListKind;
  /** Start of the listing (for grade-based lists, the moment of computation). */
  readonly since: Instant;
  /** End of the term, or null for grade-based lists that last while the grade lasts. */
  readonly until: Instant | null;
  /** The records that put the subject on the list. */
  readonly recordIds: readonly RecordId[];
}

export interface MeasureInForce {
  readonly measureId: string;
  readonly action: string;
  readonly effect: MeasureEffect;
  readonly benefit?: string;
  /** True when the measure also depends on the context of a check (e.g. train type). */
  readonly conditional: boolean;
}

/** What the rulebook makes of a subject's records at one instant. A pure function of its inputs. */
export interface Standing {
  readonly subjectId: SubjectId;
  readonly subjectKind: SubjectKind;
  readonly at: Instant;
  readonly rulebookVersion: string;
  readonly points: number;
  readonly grade: Grade;
  readonly lists: readonly ListMembership[];
  readonly measures: readonly MeasureInForce[];
  /** The next instant at which the standing changes by itself (an expiry or a term end), if any. */
  readonly nextChangeAt: Instant | null;
  readonly explanation: readonly ExplanationLine[];
}
