import type { Instant } from '../../core/brand.js';
import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { Standing } from '../../core/standing/model.js';
import { CredenceError } from '../../core/errors.js';
import { toSummary } from '../../ledger/project-standings.js';
import type { RulebookCache } from '../../ledger/rulebook-cache.js';
import type { StoredRecord } from '../../store/rows.js';
import type { Store } from '../../store/store.js';

export interface CurrentStanding {
  readonly standing: Standing;
  readonly rulebook: CompiledRulebook;
  /** The subject's records, when they had to be read (stale or missing projection, or `withRecords`). */
  readonly records: readonly StoredRecord[] | null;
}

export interface StandingReader {
  /** The subject's standing now under the rulebook in force. The explanation is empty unless `withExplanation`. */
  current(subject: ParsedIdentifier, at: Instant, options?: { readonly withExplanation?: boolean }): Promise<CurrentStanding>;
  /** The rulebook in force. */
  rulebook(): Promise<CompiledRulebook>;
}

const NO_EXPLANATION: Standing['explanation'] = Object.freeze([]);

/**
 * Reads the projected standing in one snapshot; only when it is missing or due to change by itself
 * (an expiry passed since it was computed) are the subject's records read and the standing recomputed.
 */
export function standingReader(store: Store, rulebooks: RulebookCache): StandingReader {
  const rulebookIn = async (tx: Parameters<Parameters<Store['read']>[0]>[0]): Promise<CompiledRulebook> => {
    const head = await tx.head();
    if (head.currentRulebook === null) throw new CredenceError('unavailable', 'no rulebook has been published yet');
    return rulebooks.compiled(tx, head.currentRulebook);
  };
  return {
    rulebook: () => store.read(rulebookIn),
    current: (subject, at, options = {}) => store.read(async (tx) => {
      const rulebook = await rulebookIn(tx);
      const ref = { id: subject.subjectId, kind: subject.kind };
      if (!options.withExplanation) {
        const [stored] = await tx.standings([subject.subjectId], rulebook.version);
        if (stored && (stored.nextChangeAt === null || stored.nextChangeAt > at) && stored.at <= at) {
          return { standing: { ...toSummary(stored, rulebook), explanation: NO_EXPLANATION }, rulebook, records: null };
        }
      }
      const records = await tx.recordsOf([subject.subjectId]);
      return { standing: computeStanding(ref, records, rulebook, at), rulebook, records };
    }),
  };
}
