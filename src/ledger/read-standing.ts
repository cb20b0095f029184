import type { Instant, SubjectId } from '../core/brand.js';
import { computeStanding } from '../core/standing/compute-standing.js';
import type { Standing } from '../core/standing/model.js';
import type { StoredRecord, SubjectRow } from '../store/rows.js';
import type { LedgerContext } from './ledger-context.js';
import { summaryOf, toSummary, type StandingSummary } from './project-standings.js';

/**
 * A subject's standing at `at` under the rulebook in force: the stored projection when it still
 * holds at `at`, otherwise recomputed from the subject's records (a read never shows a listing
 * whose term ended). Undefined for a subject the registry does not know.
 */
export function readStanding(ctx: LedgerContext, id: SubjectId, at: Instant): Promise<StandingSummary | undefined> {
  return ctx.store.read(async (tx) => {
    const { current } = await ctx.rulebooks.active(tx);
    const [stored] = await tx.standings([id], current.version);
    if (stored && at >= stored.at && (stored.nextChangeAt === null || at < stored.nextChangeAt)) return toSummary(stored, current);
    const [subject] = await tx.subjects([id]);
    if (!subject) return undefined;
    return summaryOf(computeStanding(subject, await tx.recordsOf([id]), current, at));
  });
}

/** Everything the registry holds about one subject, with the standing and its full explanation. */
export interface SubjectFile {
  readonly subject: SubjectRow;
  readonly records: readonly StoredRecord[];
  readonly standing: Standing;
}

export function readFile(ctx: LedgerContext, id: SubjectId, at: Instant): Promise<SubjectFile | undefined> {
  return ctx.store.read(async (tx) => {
    const [subject] = await tx.subjects([id]);
    const { current } = await ctx.rulebooks.active(tx);
    if (!subject) return undefined;
    const records = await tx.recordsOf([id]);
    return { subject, records, standing: computeStanding(subject, records, current, at) };
  });
}
