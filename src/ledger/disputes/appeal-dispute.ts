import type { Instant, SubjectId } from '../../core/brand.js';
import { decideDispute, evolveDispute, standingRecordOf, type Dispute } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import type { AppealOutcome, SubjectEvent } from '../../core/ledger/ledger-event.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { DisputeRow } from '../../store/due-process/due-process-rows.js';
import type { WriteTx } from '../../store/store.js';
import type { LedgerContext } from '../ledger-context.js';
import { commitSubjectEvents, recordInTx, type RecordInTx } from './subject-step.js';

async function disputeInTx(tx: WriteTx, disputeId: string): Promise<{ row: DisputeRow; found: RecordInTx }> {
  const row = await dueProcessWrites(tx.sql).dispute(disputeId);
  if (!row) throw new CredenceError('not_found', `no dispute ${disputeId}`);
  const found = await recordInTx(tx, row.dispute.recordId);
  if (!found) throw new CredenceError('internal_error', `the record of dispute ${disputeId} is missing`);
  return { row, found };
}

/** The subject appeals the furnisher's answer to the operator (within 10 days of it). */
export function appealDispute(ctx: LedgerContext, subjectId: SubjectId, disputeId: string, grounds: string, at: Instant): Promise<DisputeRow> {
  return ctx.store.write(async (tx) => {
    const { row, found } = await disputeInTx(tx, disputeId);
    if (row.dispute.subjectId !== subjectId) throw new CredenceError('not_found', `you have no dispute ${disputeId}`);
    const event = decideDispute(row.dispute, { kind: 'appeal', grounds }, at);
    await commitSubjectEvents(ctx, tx, found, [event], subjectId, at);
    const next: DisputeRow = { ...row, dispute: evolveDispute(row.dispute, event, subjectId) };
    await dueProcessWrites(tx.sql).putDispute(next);
    return next;
  });
}

/**
 * The operator's binding decision on an appeal. `overturned` removes the record the furnisher's
 * answer left standing (the disputed one, or its correction), in the same transaction.
 */
export function decideAppeal(
  ctx: LedgerContext, operatorId: string, disputeId: string, input: { readonly outcome: AppealOutcome; readonly reason: string }, at: Instant,
): Promise<DisputeRow> {
  return ctx.store.write(async (tx) => {
    const { row, found } = await disputeInTx(tx, disputeId);
    const d: Dispute = row.dispute;
    const standingId = standingRecordOf(d);
    const standing = standingId === null ? undefined : found.records.find((r) => r.id === standingId);
    const event = decideDispute(d, { kind: 'decide', outcome: input.outcome, reason: input.reason, ...(standing ? { standing } : {}) }, at);
    const follow: SubjectEvent[] = event.type === 'dispute.decided' && event.removedRecordId !== undefined
      ? [{ type: 'record.retracted', subjectId: d.subjectId, recordId: event.removedRecordId, reason: `removed by the operator's decision on the appeal of dispute ${d.id}: ${input.reason}` }]
      : [];
    await commitSubjectEvents(ctx, tx, found, [event, ...follow], operatorId, at);
    const next: DisputeRow = { ...row, dispute: evolveDispute(d, event, operatorId) };
    await dueProcessWrites(tx.sql).putDispute(next);
    return next;
  });
}
