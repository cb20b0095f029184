import type { Instant } from '../../core/brand.js';
import { decideDispute, evolveDispute } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import type { DisputeAnswer, SubjectEvent } from '../../core/ledger/ledger-event.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { DisputeRow } from '../../store/due-process/due-process-rows.js';
import { recordIdFromSeq } from '../../store/record-key.js';
import { furnishedRecord } from '../furnish.js';
import { activeFurnisher, type LedgerContext } from '../ledger-context.js';
import { validateItem } from '../validate-item.js';
import { commitSubjectEvents, recordInTx } from './subject-step.js';

export interface AnswerInput {
  readonly answer: DisputeAnswer;
  /** What the subject is told: why the record stands, or what was wrong. */
  readonly explanation: string;
  /** For `corrected`: the corrected record, as furnished (its own furnisherRef). */
  readonly replacement?: unknown;
}

/**
 * The furnisher answers a dispute of its record: confirms it (it counts again), corrects it (a
 * corrected record supersedes it) or retracts it. The answer and the change it makes are one
 * transaction. A record the furnisher already corrected or retracted is answered as such.
 */
export async function answerDispute(ctx: LedgerContext, furnisherId: string, disputeId: string, input: AnswerInput, at: Instant): Promise<DisputeRow> {
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  const check = input.answer === 'corrected' && input.replacement !== undefined ? validateItem(input.replacement, furnisher, at) : undefined;
  if (check && !check.ok) throw new CredenceError(check.code, `replacement: ${check.reason}`);
  return ctx.store.write(async (tx) => {
    const dp = dueProcessWrites(tx.sql);
    const row = await dp.dispute(disputeId);
    if (!row || row.furnisherId !== furnisherId) throw new CredenceError('not_found', `no dispute ${disputeId} of a record you furnished`);
    const found = await recordInTx(tx, row.dispute.recordId);
    if (!found) throw new CredenceError('internal_error', `the record of dispute ${disputeId} is missing`);
    const { record } = found;
    const already = record.status === 'corrected' || record.status === 'retracted';
    if (already && input.answer !== record.status) throw new CredenceError('record_not_active', `record ${record.id} was ${record.status} already: answer "${record.status}"`);
    const nextSeq = (await tx.head()).nextSeq;
    let replacementId = already ? record.supersededBy ?? undefined : undefined;
    const follow: SubjectEvent[] = [];
    if (!already && input.answer === 'corrected') {
      if (!check?.ok) throw new CredenceError('invalid_request', 'a correction needs the corrected record as `replacement`');
      if (check.item.subject.id !== record.subjectId) throw new CredenceError('invalid_request', 'a correction must be about the same subject');
      if ((await tx.recordsByRef(furnisherId, [check.item.furnisherRef])).length > 0) {
        throw new CredenceError('idempotency_conflict', `furnisherRef ${check.item.furnisherRef} is already used: give the corrected record a new one`);
      }
      // The answer is event nextSeq; the correction that furnishes the corrected record comes right after it.
      replacementId = recordIdFromSeq(nextSeq + 1);
      follow.push({ type: 'record.corrected', subjectId: record.subjectId, recordId: record.id, replacement: furnishedRecord(check.item, replacementId, furnisherId), reason: input.explanation });
    } else if (!already && input.answer === 'retracted') {
      follow.push({ type: 'record.retracted', subjectId: record.subjectId, recordId: record.id, reason: input.explanation });
    }
    const event = decideDispute(row.dispute, {
      kind: 'answer', answer: input.answer, explanation: input.explanation, ...(replacementId !== undefined ? { replacementId } : {}),
    }, at);
    await commitSubjectEvents(ctx, tx, found, [event, ...follow], furnisherId, at);
    const next: DisputeRow = { dispute: evolveDispute(row.dispute, event, furnisherId), furnisherId };
    await dp.putDispute(next);
    return next;
  });
}
