import type { Instant, RecordId, SubjectId } from '../../core/brand.js';
import { NO_HOLIDAYS, type HolidayCalendar, type Restoration } from '../../core/disputes/index.js';
import type { AppealOutcome, RestorationOutcome } from '../../core/ledger/ledger-event.js';
import type { DisputeRow, NoticeRow, StatementRow } from '../../store/due-process/due-process-rows.js';
import type { LedgerContext } from '../ledger-context.js';
import { answerDispute, type AnswerInput } from './answer-dispute.js';
import { appealDispute, decideAppeal } from './appeal-dispute.js';
import { attachStatement } from './attach-statement.js';
import { deliverNotices, type DecisionsAbout } from './deliver-notices.js';
import { openDispute, type OpenDisputeInput } from './open-dispute.js';
import { applyForRestoration, decideRestoration, type RestorationInput } from './restorations.js';

/**
 * Disputes, appeals, restoration and statements: every step one transaction that appends its ledger
 * events, updates the records and the standing, and projects the step (docs/disputes.md).
 */
export interface DueProcess {
  openDispute(subjectId: SubjectId, recordId: RecordId, input: OpenDisputeInput, at: Instant): Promise<DisputeRow>;
  answerDispute(furnisherId: string, disputeId: string, input: AnswerInput, at: Instant): Promise<DisputeRow>;
  appealDispute(subjectId: SubjectId, disputeId: string, grounds: string, at: Instant): Promise<DisputeRow>;
  decideAppeal(operatorId: string, disputeId: string, input: { readonly outcome: AppealOutcome; readonly reason: string }, at: Instant): Promise<DisputeRow>;
  applyForRestoration(subjectId: SubjectId, input: RestorationInput, at: Instant): Promise<Restoration>;
  decideRestoration(operatorId: string, id: string, input: { readonly outcome: RestorationOutcome; readonly reason: string }, at: Instant): Promise<Restoration>;
  attachStatement(subjectId: SubjectId, recordId: RecordId, text: string, at: Instant): Promise<StatementRow>;
  /** Writes the correction notices of every queued correction or removal; resolves them. */
  deliverNotices(decisionsAbout: DecisionsAbout, at: Instant): Promise<readonly NoticeRow[]>;
}

export function dueProcess(ctx: LedgerContext, calendar: HolidayCalendar = NO_HOLIDAYS): DueProcess {
  return {
    openDispute: (subjectId, recordId, input, at) => openDispute(ctx, calendar, subjectId, recordId, input, at),
    answerDispute: (furnisherId, disputeId, input, at) => answerDispute(ctx, furnisherId, disputeId, input, at),
    appealDispute: (subjectId, disputeId, grounds, at) => appealDispute(ctx, subjectId, disputeId, grounds, at),
    decideAppeal: (operatorId, disputeId, input, at) => decideAppeal(ctx, operatorId, disputeId, input, at),
    applyForRestoration: (subjectId, input, at) => applyForRestoration(ctx, subjectId, input, at),
    decideRestoration: (operatorId, id, input, at) => decideRestoration(ctx, operatorId, id, input, at),
    attachStatement: (subjectId, recordId, text, at) => attachStatement(ctx, subjectId, recordId, text, at),
    deliverNotices: (decisionsAbout, at) => deliverNotices(ctx.store, decisionsAbout, at),
  };
}
