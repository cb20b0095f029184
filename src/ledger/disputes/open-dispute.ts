import type { Instant, RecordId, SubjectId } from '../../core/brand.js';
import { decideDispute, evolveDispute, type HolidayCalendar } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { DisputeRow } from '../../store/due-process/due-process-rows.js';
import type { LedgerContext } from '../ledger-context.js';
import { hashEvidence, type EvidenceFile } from './evidence-files.js';
import { commitSubjectEvents, recordInTx } from './subject-step.js';

export interface OpenDisputeInput {
  readonly grounds: string;
  readonly evidence?: readonly EvidenceFile[];
}

/**
 * The subject contests one of its own records: a `dispute.opened` event with the furnisher's
 * deadline from the rulebook, the evidence stored by hash, the record shown as disputed, the
 * standing recomputed (it changes at the deadline), all in one transaction.
 */
export async function openDispute(
  ctx: LedgerContext, calendar: HolidayCalendar, subjectId: SubjectId, id: RecordId, input: OpenDisputeInput, at: Instant,
): Promise<DisputeRow> {
  const evidence = hashEvidence(input.evidence ?? []);
  return await ctx.store.write(async (tx) => {
    const found = await recordInTx(tx, id);
    if (!found || found.record.subjectId !== subjectId) throw new CredenceError('not_found', `you have no record ${id}`);
    const { current } = await ctx.rulebooks.active(tx);
    const disputeId = `dsp_${(await tx.head()).nextSeq}`;
    const event = decideDispute(undefined, {
      kind: 'open', disputeId, record: found.record, grounds: input.grounds, evidence: evidence.map((e) => e.ref), policy: current.rulebook.disputes, calendar,
    }, at);
    await commitSubjectEvents(ctx, tx, found, [event], subjectId, at);
    const dp = dueProcessWrites(tx.sql);
    for (const e of evidence) await dp.putEvidence({ subjectId, sha256: e.ref.sha256, mediaType: e.ref.mediaType, content: e.content, storedAt: at });
    const row: DisputeRow = { dispute: evolveDispute(undefined, event, subjectId), furnisherId: found.record.furnisherId };
    await dp.putDispute(row);
    return row;
  });
}
