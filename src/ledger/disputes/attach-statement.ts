import type { Instant, RecordId, SubjectId } from '../../core/brand.js';
import { statementText } from '../../core/disputes/index.js';
import { CredenceError } from '../../core/errors.js';
import { dueProcessWrites } from '../../store/due-process/due-process-tables.js';
import type { StatementRow } from '../../store/due-process/due-process-rows.js';
import type { LedgerContext } from '../ledger-context.js';
import { commitSubjectEvents, recordInTx } from './subject-step.js';

/**
 * The subject's own short statement on one of its records (a later one replaces it). Relying parties
 * are told a statement exists when the record is a reason for their decision.
 */
export async function attachStatement(ctx: LedgerContext, subjectId: SubjectId, id: RecordId, text: string, at: Instant): Promise<StatementRow> {
  const checked = statementText(text);
  return await ctx.store.write(async (tx) => {
    const found = await recordInTx(tx, id);
    if (!found || found.record.subjectId !== subjectId) throw new CredenceError('not_found', `you have no record ${id}`);
    await commitSubjectEvents(ctx, tx, found, [{ type: 'statement.attached', subjectId, recordId: id, text: checked, attachedAt: at }], subjectId, at);
    const row: StatementRow = { subjectId, recordId: id, text: checked, attachedAt: at };
    await dueProcessWrites(tx.sql).putStatement(row);
    return row;
  });
}
