import type { Instant } from '../brand.js';
import type { Dispute } from './dispute.js';

/**
 * `unverified`: open past the furnisher's deadline (the record does not count until it answers).
 * After an answer, its kind; after an appeal, `appealed` until the operator's decision.
 */
export type DisputeStatus = 'open' | 'unverified' | 'confirmed' | 'corrected' | 'retracted' | 'appealed' | 'upheld' | 'overturned';

export interface DisputeStatusAt {
  readonly status: DisputeStatus;
  /** The deadline of the step now awaited (the furnisher's answer, the subject's appeal, the operator's decision), if any. */
  readonly dueBy: Instant | null;
  /** Who must act next. */
  readonly awaiting: 'furnisher' | 'subject' | 'operator' | null;
  /** The awaited party is past its deadline (for the subject, the appeal window has simply closed). */
  readonly overdue: boolean;
}

/** A dispute as it stands at `at`. */
export function disputeStatusAt(d: Dispute, at: Instant): DisputeStatusAt {
  if (d.decision) return { status: d.decision.outcome, dueBy: null, awaiting: null, overdue: false };
  if (d.appeal) return { status: 'appealed', dueBy: d.appeal.decideBy, awaiting: 'operator', overdue: at >= d.appeal.decideBy };
  if (d.answer) {
    const appealable = d.answer.kind !== 'retracted' && at < d.answer.appealBy;
    return { status: d.answer.kind, dueBy: appealable ? d.answer.appealBy : null, awaiting: appealable ? 'subject' : null, overdue: false };
  }
  const late = at >= d.verifyBy;
  return { status: late ? 'unverified' : 'open', dueBy: d.verifyBy, awaiting: 'furnisher', overdue: late };
}
