import type { Dispute, DisputeEvent } from './dispute.js';
import { disputePhase } from './dispute.js';

/**
 * One step of a dispute's fold: its state after an event, `by` being the event's actor. Throws on
 * a sequence no ledger could have written (a second answer, an appeal before the answer, ...).
 */
export function evolveDispute(state: Dispute | undefined, event: DisputeEvent, by: string): Dispute {
  if (event.type === 'dispute.opened') {
    if (state !== undefined) throw new Error(`dispute ${event.disputeId} opened twice`);
    return {
      id: event.disputeId, subjectId: event.subjectId, recordId: event.recordId, grounds: event.grounds, evidence: event.evidence,
      openedAt: event.openedAt, verifyBy: event.verifyBy,
    };
  }
  if (state === undefined || state.id !== event.disputeId) throw new Error(`${event.type} for unknown dispute ${event.disputeId}`);
  const phase = disputePhase(state);
  switch (event.type) {
    case 'dispute.answered':
      if (phase !== 'open') throw new Error(`dispute ${state.id} answered when ${phase}`);
      return {
        ...state,
        answer: {
          kind: event.answer, explanation: event.explanation, at: event.answeredAt, by, appealBy: event.appealBy,
          ...(event.replacementId !== undefined ? { replacementId: event.replacementId } : {}),
        },
      };
    case 'dispute.appealed':
      if (phase !== 'answered') throw new Error(`dispute ${state.id} appealed when ${phase}`);
      return { ...state, appeal: { grounds: event.grounds, at: event.appealedAt, by, decideBy: event.decideBy } };
    case 'dispute.decided':
      if (phase !== 'appealed') throw new Error(`dispute ${state.id} decided when ${phase}`);
      return {
        ...state,
        decision: {
          outcome: event.outcome, reason: event.reason, at: event.decidedAt, by,
          ...(event.removedRecordId !== undefined ? { removedRecordId: event.removedRecordId } : {}),
        },
      };
  }
}
