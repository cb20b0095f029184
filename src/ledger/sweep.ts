import type { Instant } from '../core/brand.js';
import type { LedgerContext } from './ledger-context.js';
import type { OnProgress } from './progress.js';
import { bySubject, projectStandings } from './project-standings.js';


/**
 * Persists the time-driven changes due by `at` (expiries, list terms ending): re-rates, batch by
 * batch, every subject whose stored standing says it changes at or before `at`. Returns how many.
 */
export async function sweep(ctx: LedgerContext, at: Instant, onProgress?: OnProgress): Promise<number> {
  const total = await ctx.store.read((tx) => tx.countDueSubjects(at));
  let done = 0;
  for (;;) {
    const n = await ctx.store.write(async (tx) => {
      const rbs = await ctx.rulebooks.active(tx);
      const ids = await tx.dueSubjects(at, ctx.batchSize);
      if (ids.length === 0) return 0;
      const subjects = await tx.subjects(ids);
      await tx.putStandings(projectStandings(subjects, bySubject(await tx.recordsOf(ids)), rbs, at));
      return subjects.length;
    });
    if (n === 0) return done;
    done += n;
    await onProgress?.({ done, total: Math.max(total, done) });
  }
}
