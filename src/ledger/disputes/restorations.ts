import type { Instant, RecordId, SubjectId } from '../../core/brand.js';
import { decideRestoration as decide, evolveRestoration, type Restoration } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import type { RestorationOutcome } from '../../core/ledger/ledger-event.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { LedgerContext } from '../ledger-context.js';
import { commitSubjectEvents, recordInTx } from './subject-step.js';

export interface RestorationInput {
  readonly recordId: RecordId;
  readonly listId: string;
  readonly grounds: string;
}

/** The subject applies to end a publicity listing early (after the list's publicity minimum). */
export function applyForRestoration(ctx: LedgerContext, subjectId: SubjectId, input: RestorationInput, at: Instant): Promise<Restoration> {
  return ctx.store.write(async (tx) => {
    const found = await recordInTx(tx, input.recordId);
    if (!found || found.record.subjectId !== subjectId) throw new CredenceError('not_found', `you have no record ${input.recordId}`);
    const dp = dueProcessWrites(tx.sql);
    const pending = (await dp.restorationsOf(subjectId)).some((r) => r.restoration.recordId === input.recordId && !r.restoration.decision);
    const { current } = await ctx.rulebooks.active(tx);
    const standing = computeStanding(found.subject, found.records, current, at);
    const event = decide(undefined, {
      kind: 'apply', restorationId: `rst_${(await tx.head()).nextSeq}`, record: found.record, listId: input.listId, grounds: input.grounds,
      standing, rulebook: current, pending,
    }, at);
    await commitSubjectEvents(ctx, tx, found, [event], subjectId, at);
    const restoration = evolveRestoration(undefined, event, subjectId);
    await dp.putRestoration({ restoration });
    return restoration;
  });
}

/** The operator decides an application; a grant ends the record's publicity listings now, in the same transaction. */
export function decideRestoration(
  ctx: LedgerContext, operatorId: string, id: string, input: { readonly outcome: RestorationOutcome; readonly reason: string }, at: Instant,
): Promise<Restoration> {
  return ctx.store.write(async (tx) => {
    const dp = dueProcessWrites(tx.sql);
    const row = await dp.restoration(id);
    if (!row) throw new CredenceError('not_found', `no restoration application ${id}`);
    const found = await recordInTx(tx, row.restoration.recordId);
    if (!found) throw new CredenceError('internal_error', `the record of restoration ${id} is missing`);
    const event = decide(row.restoration, { kind: 'decide', outcome: input.outcome, reason: input.reason }, at);
    await commitSubjectEvents(ctx, tx, found, [event], operatorId, at);
    const restoration = evolveRestoration(row.restoration, event, operatorId);
    await dp.putRestoration({ restoration });
    return restoration;
  });
}
