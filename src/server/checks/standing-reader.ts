import type { Instant, SubjectId } from '../../core/brand.js';
import { CredenceError } from '../../core/errors.js';
import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { Standing } from '../../core/standing/model.js';
import { bySubject, toSummary } from '../../ledger/project-standings.js';
import type { RulebookCache } from '../../ledger/rulebook-cache.js';
import type { StoredRecord } from '../../store/rows.js';
import type { ReadTx, Store } from '../../store/store.js';
import { standingCache, type StandingCache } from './standing-cache.js';

export interface CurrentStanding {
  readonly standing: Standing;
  readonly rulebook: CompiledRulebook;
  /** The subject's records, when they had to be read (stale or missing projection, or `withExplanation`). */
  readonly records: readonly StoredRecord[] | null;
}

export interface StandingReader {
  /** The subject's standing at `at` under the rulebook in force. The explanation is empty unless `withExplanation`. */
  current(subject: ParsedIdentifier, at: Instant, options?: { readonly withExplanation?: boolean }): Promise<CurrentStanding>;
  /** The rulebook in force. */
  rulebook(): Promise<CompiledRulebook>;
  /** How the cache of standings fares (for the benchmark and metrics). */
  cacheStats(): { readonly size: number; readonly hits: number; readonly misses: number };
}

interface Lookup {
  readonly subject: ParsedIdentifier;
  readonly at: Instant;
  readonly resolve: (c: CurrentStanding) => void;
  readonly reject: (e: unknown) => void;
}

const NO_EXPLANATION: Standing['explanation'] = Object.freeze([]);
const MAX_GROUP = 500;

/**
 * Reads projected standings. Lookups that arrive in the same turn of the event loop share one read
 * transaction (the hot path of checks): its head says whether the cache of standings still holds, the
 * subjects not in the cache are read in one query, and only a subject whose projection is missing or
 * due to change by itself (an expiry since it was computed) has its records read and recomputed.
 * Without a cache (or with a capacity of 0) every lookup reads the projection.
 */
export function standingReader(store: Store, rulebooks: RulebookCache, cache: StandingCache<CurrentStanding> = standingCache(0)): StandingReader {
  const rulebookIn = async (tx: ReadTx): Promise<{ readonly rulebook: CompiledRulebook; readonly seq: number }> => {
    const head = await tx.head();
    if (head.currentRulebook === null) throw new CredenceError('unavailable', 'no rulebook has been published yet');
    return { rulebook: await rulebooks.compiled(tx, head.currentRulebook), seq: head.nextSeq };
  };

  let waiting: Lookup[] = [];
  let scheduled = false;

  async function resolveGroup(group: readonly Lookup[]): Promise<void> {
    const writes = cache.writes();
    const answers = await store.read(async (tx) => {
      const { rulebook, seq } = await rulebookIn(tx);
      const ticket = cache.open(writes, seq, rulebook.version);
      const answers: (CurrentStanding | undefined)[] = group.map((l) => (ticket ? cache.get(ticket, l.subject.subjectId, l.at) : undefined));
      const misses = group.filter((_, i) => answers[i] === undefined);
      if (misses.length === 0) return answers;
      const ids = [...new Set(misses.map((l) => l.subject.subjectId))];
      const stored = new Map((await tx.standings(ids, rulebook.version)).map((s) => [s.subjectId, s]));
      const fresh = (l: Lookup) => {
        const s = stored.get(l.subject.subjectId);
        return s && s.at <= l.at && (s.nextChangeAt === null || s.nextChangeAt > l.at) ? s : undefined;
      };
      const stale = [...new Set(misses.filter((l) => !fresh(l)).map((l) => l.subject.subjectId))];
      const records = stale.length > 0 ? bySubject(await tx.recordsOf(stale)) : new Map<SubjectId, StoredRecord[]>();
      return group.map((l, i): CurrentStanding => {
        const hit = answers[i];
        if (hit) return hit;
        const s = fresh(l);
        if (s) {
          const answer: CurrentStanding = { standing: { ...toSummary(s, rulebook), explanation: NO_EXPLANATION }, rulebook, records: null };
          if (ticket) cache.put(ticket, l.subject.subjectId, answer, s.at, s.nextChangeAt);
          return answer;
        }
        const own = records.get(l.subject.subjectId) ?? [];
        const standing = computeStanding({ id: l.subject.subjectId, kind: l.subject.kind }, own, rulebook, l.at);
        if (ticket) cache.put(ticket, l.subject.subjectId, { standing: { ...standing, explanation: NO_EXPLANATION }, rulebook, records: null }, l.at, standing.nextChangeAt);
        return { standing, rulebook, records: own };
      });
    });
    group.forEach((l, i) => l.resolve(answers[i] as CurrentStanding));
  }

  function flush(): void {
    scheduled = false;
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(group.length);
      resolveGroup(group).catch((e: unknown) => {
        for (const l of group) l.reject(e);
      });
    }
  }

  return {
    rulebook: () => store.read(async (tx) => (await rulebookIn(tx)).rulebook),
    cacheStats: () => cache.stats(),
    current: (subject, at, options = {}) => {
      if (options.withExplanation) {
        return store.read(async (tx) => {
          const { rulebook } = await rulebookIn(tx);
          const records = await tx.recordsOf([subject.subjectId]);
          return { standing: computeStanding({ id: subject.subjectId, kind: subject.kind }, records, rulebook, at), rulebook, records };
        });
      }
      return new Promise<CurrentStanding>((resolve, reject) => {
        waiting.push({ subject, at, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
