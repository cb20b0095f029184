import type { RecordId } from '../brand.js';
import type { Grade } from '../rulebook/model.js';

export type CheckContext = Readonly<Record<string, string | number | boolean>>;

export interface DecisionReason {
  readonly measureId: string;
  readonly effect: 'deny' | 'benefit';
  readonly description: string;
  /** The list that triggered the measure, if any. */
  readonly listId?: string;
  /** The grade that triggered the measure, if any. */
  readonly grade?: Grade;
  /** Records the triggering list rests on. */
  readonly recordIds: readonly RecordId[];
  readonly legalBasis: string;
}

/** A decision as computed; the service adds the decision id and records it before answering. */
export interface Decision {
  readonly outcome: 'allow' | 'deny';
  readonly benefits: readonly string[];
  readonly reasons: readonly DecisionReason[];
  readonly action: string;
  readonly rulebookVersion: string;
}
