import type { Instant, RecordId } from '../brand.js';
import { CredenceError } from '../errors.js';
import type { AppealOutcome, DisputeAnswer, EvidenceRef } from '../ledger/ledger-event.js';
import type { RecordState } from '../record.js';
import type { DisputePolicy } from '../rulebook/model.js';
import { periodEnd, type HolidayCalendar } from './deadline.js';
import { disputePhase, type Dispute, type DisputeEvent } from './dispute.js';
import { APPEAL_DECISION_PERIOD, APPEAL_PERIOD, verifyPeriod } from './dispute-periods.js';
import { requireText } from './require-text.js';

export const MAX_GROUNDS = 2000;

export type DisputeCommand =
  | {
    readonly kind: 'open'; readonly disputeId: string; readonly record: RecordState; readonly grounds: string;
    readonly evidence: readonly EvidenceRef[]; readonly policy: DisputePolicy; readonly calendar?: HolidayCalendar;
  }
  /** `replacementId`: for a correction, the id the corrected record will have. */
  | { readonly kind: 'answer'; readonly answer: DisputeAnswer; readonly explanation: string; readonly replacementId?: RecordId }
  | { readonly kind: 'appeal'; readonly grounds: string }
  /** `standing`: the record the dispute left standing, as it is now (an overturning decision removes it). */
  | { readonly kind: 'decide'; readonly outcome: AppealOutcome; readonly reason: string; readonly standing?: RecordState };

const stepNotAllowed = (d: Dispute, what: string): CredenceError =>
  new CredenceError('step_not_allowed', `dispute ${d.id} is ${disputePhase(d)}: ${what}`, { disputeId: d.id, phase: disputePhase(d) });

/**
 * What a command does to a dispute at `at`: the event to append, or a CredenceError saying why not.
 * `state` is undefined only to open one. Pure: deadlines come from the policy and the calendar.
 */
export function decideDispute(state: Dispute | undefined, command: DisputeCommand, at: Instant): DisputeEvent {
  if (command.kind === 'open') {
    const r = command.record;
    if (r.status !== 'active' && r.status !== 'fulfilled') throw new CredenceError('record_not_active', `record ${r.id} is ${r.status}: there is nothing left to dispute`);
    if (r.dispute && r.dispute.closedAt === undefined) throw new CredenceError('dispute_open', `record ${r.id} already has a dispute waiting for the furnisher's answer`);
    return {
      type: 'dispute.opened', subjectId: r.subjectId, recordId: r.id, disputeId: command.disputeId, openedAt: at,
      verifyBy: periodEnd(at, verifyPeriod(command.policy, r.type), command.calendar),
      grounds: requireText('grounds', command.grounds, MAX_GROUNDS), evidence: command.evidence,
    };
  }
  if (state === undefined) throw new CredenceError('not_found', 'no such dispute');
  const about = { subjectId: state.subjectId, recordId: state.recordId, disputeId: state.id };
  const phase = disputePhase(state);
  switch (command.kind) {
    case 'answer':
      if (phase !== 'open') throw stepNotAllowed(state, 'the furnisher has answered it already');
      if (command.answer === 'corrected' && command.replacementId === undefined) throw new Error('a correction needs the id of the corrected record');
      return {
        type: 'dispute.answered', ...about, answer: command.answer, explanation: requireText('explanation', command.explanation, MAX_GROUNDS),
        answeredAt: at, appealBy: periodEnd(at, APPEAL_PERIOD),
        ...(command.answer === 'corrected' && command.replacementId !== undefined ? { replacementId: command.replacementId } : {}),
      };
    case 'appeal':
      if (phase !== 'answered' || !state.answer) throw stepNotAllowed(state, phase === 'open' ? 'the furnisher has not answered yet' : 'it was appealed already');
      if (state.answer.kind === 'retracted') throw stepNotAllowed(state, 'the furnisher retracted the record: there is nothing to appeal');
      if (at >= state.answer.appealBy) {
        throw new CredenceError('deadline_passed', `the appeal period of dispute ${state.id} ended at ${new Date(state.answer.appealBy).toISOString()}`, { appealBy: state.answer.appealBy });
      }
      return { type: 'dispute.appealed', ...about, grounds: requireText('grounds', command.grounds, MAX_GROUNDS), appealedAt: at, decideBy: periodEnd(at, APPEAL_DECISION_PERIOD) };
    case 'decide': {
      if (phase !== 'appealed') throw stepNotAllowed(state, phase === 'decided' ? 'the appeal was decided already' : 'the subject has not appealed');
      const s = command.standing;
      const removable = command.outcome === 'overturned' && s !== undefined && (s.status === 'active' || s.status === 'fulfilled');
      return {
        type: 'dispute.decided', ...about, outcome: command.outcome, reason: requireText('reason', command.reason, MAX_GROUNDS), decidedAt: at,
        ...(removable ? { removedRecordId: s.id } : {}),
      };
    }
  }
}
