import type { Instant, RecordId, SubjectId } from '../brand.js';
import type { AppealOutcome, DisputeAnswer, EvidenceRef, LedgerEvent } from '../ledger/ledger-event.js';

/** The ledger events of a dispute's life, in the order they can happen. */
export type DisputeEvent = Extract<LedgerEvent, { readonly type: 'dispute.opened' | 'dispute.answered' | 'dispute.appealed' | 'dispute.decided' }>;

/** Who took a step: the client id (furnisher, operator) or the subject id. */
export interface Step {
  readonly at: Instant;
  readonly by: string;
}

export interface DisputeAnswerStep extends Step {
  readonly kind: DisputeAnswer;
  readonly explanation: string;
  /** The subject may appeal to the operator before this instant (not after a retraction). */
  readonly appealBy: Instant;
  readonly replacementId?: RecordId;
}

export interface AppealStep extends Step {
  readonly grounds: string;
  /** The operator should decide before this instant; later, the appeal is overdue. */
  readonly decideBy: Instant;
}

export interface AppealDecisionStep extends Step {
  readonly outcome: AppealOutcome;
  readonly reason: string;
  /** The record removed by an overturning decision, if one still stood. */
  readonly removedRecordId?: RecordId;
}

/** One dispute of one record, as folded from its events: the whole timeline. */
export interface Dispute {
  readonly id: string;
  readonly subjectId: SubjectId;
  readonly recordId: RecordId;
  readonly grounds: string;
  readonly evidence: readonly EvidenceRef[];
  readonly openedAt: Instant;
  /** The furnisher must answer before this instant, or the record stops counting at it. */
  readonly verifyBy: Instant;
  readonly answer?: DisputeAnswerStep;
  readonly appeal?: AppealStep;
  readonly decision?: AppealDecisionStep;
}

/** Where a dispute stands in its life, from its steps alone (no time involved). */
export type DisputePhase = 'open' | 'answered' | 'appealed' | 'decided';

export const disputePhase = (d: Dispute): DisputePhase =>
  d.decision ? 'decided' : d.appeal ? 'appealed' : d.answer ? 'answered' : 'open';

/** The record a dispute's outcome left standing: the corrected one after a correction, none after a retraction. */
export function standingRecordOf(d: Dispute): RecordId | null {
  if (d.decision?.outcome === 'overturned') return null;
  if (!d.answer) return d.recordId;
  if (d.answer.kind === 'retracted') return null;
  return d.answer.kind === 'corrected' ? d.answer.replacementId ?? null : d.recordId;
}
