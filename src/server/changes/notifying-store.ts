import type { SubjectId } from '../../core/brand.js';
import type { StoredStanding } from '../../store/rows.js';
import type { Store, WriteTx } from '../../store/store.js';
import type { ChangeFeed, StandingChange, StandingSummary } from './change-feed.js';

const summary = (s: StoredStanding): StandingSummary => ({
  points: s.points,
  grade: s.grade,
  lists: s.lists.map((l) => ({ listId: l.listId, kind: l.kind, since: l.since, until: l.until })),
});

/** Grade-based lists are stamped with the moment of computation; that alone is not a change. */
const sameSummary = (a: StandingSummary, b: StandingSummary): boolean =>
  a.points === b.points && a.grade === b.grade && a.lists.length === b.lists.length
  && a.lists.every((l, i) => {
    const m = b.lists[i];
    return m !== undefined && m.listId === l.listId && m.until === l.until && (l.until === null || m.since === l.since);
  });

/**
 * Wraps the ledger's store so that every standing written under the rulebook in force (alone, or
 * with its subject's new version) is compared
 * with the one it replaces, and the real changes are published once the transaction has committed.
 * Nothing is published for a transaction that rolls back, and nothing is read when nobody listens.
 * A publication (the rulebook in force changes) is announced as such: it may change every standing.
 */
export function notifyingStore(store: Store, feed: ChangeFeed, clock: () => number): Store {
  return {
    ...store,
    read: (fn) => store.read(fn),
    close: () => store.close(),
    write: async (fn) => {
      let changes: StandingChange[] = [];
      let published: string | null = null;
      const result = await store.write(async (tx) => {
        changes = [];
        published = null;
        const before = (await tx.head()).currentRulebook;
        /** Compares standings about to be written under the rulebook in force with the stored ones. */
        const observe = async (standings: readonly StoredStanding[]): Promise<void> => {
          if (feed.listeners() === 0 || standings.length === 0) return;
          const { currentRulebook } = await tx.head();
          const mine = standings.filter((s) => s.rulebookVersion === currentRulebook);
          if (mine.length === 0 || currentRulebook === null) return;
          const stored = new Map<SubjectId, StoredStanding>(
            (await tx.standings(mine.map((s) => s.subjectId), currentRulebook)).map((s) => [s.subjectId, s]),
          );
          for (const s of mine) {
            const prior = stored.get(s.subjectId);
            const now = summary(s);
            const previous = prior ? summary(prior) : null;
            if (previous && sameSummary(previous, now)) continue;
            changes.push({ subjectId: s.subjectId, subjectKind: s.subjectKind, at: s.at, rulebookVersion: s.rulebookVersion, standing: now, previous });
          }
        };
        const watched: WriteTx = {
          ...tx,
          putStandings: async (standings) => {
            await observe(standings);
            return tx.putStandings(standings);
          },
          putSubjects: async (subjects) => {
            await observe(subjects.flatMap((c) => c.standings ?? []));
            return tx.putSubjects(subjects);
          },
          setRulebooks: async (pointers) => {
            published = pointers.current !== before ? pointers.current : null;
            return tx.setRulebooks(pointers);
          },
        };
        return fn(watched);
      });
      feed.publish(changes);
      if (published !== null) feed.publishRulebook(published, clock());
      return result;
    },
  };
}
