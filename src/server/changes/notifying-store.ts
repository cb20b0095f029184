import type { SubjectId } from '../../core/brand.js';
import type { StoredStanding } from '../../store/rows.js';
import type { Store, WriteTx } from '../../store/store.js';
import { sameSummary, summaryOf, type ChangeFeed, type StandingChange } from './change-feed.js';
import type { LocalWrites, PendingWrite } from './local-writes.js';

/**
 * Wraps the ledger's store so that every standing written under the rulebook in force (alone, or
 * with its subject's new version) is compared
 * with the one it replaces, and the real changes are published once the transaction has committed.
 * Nothing is published for a transaction that rolls back, and nothing is read when nobody listens.
 * A publication (the rulebook in force changes) is announced as such: it may change every standing.
 * The ledger positions each write appends are noted in `local` before it commits, so that the relay of
 * other processes' changes leaves them out.
 */
export function notifyingStore(store: Store, feed: ChangeFeed, clock: () => number, local?: LocalWrites): Store {
  return {
    ...store,
    read: (fn) => store.read(fn),
    close: () => store.close(),
    write: async (fn) => {
      let changes: StandingChange[] = [];
      let published: string | null = null;
      const positions: { current: PendingWrite | null } = { current: null };
      const result = await store.write(async (tx) => {
        changes = [];
        published = null;
        positions.current?.failed(); // an earlier attempt of this write that the store retried
        positions.current = null;
        const start = await tx.head();
        const before = start.currentRulebook;
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
            const now = summaryOf(s);
            const previous = prior ? summaryOf(prior) : null;
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
        const value = await fn(watched);
        const end = local ? (await tx.head()).nextSeq : start.nextSeq;
        if (local && end > start.nextSeq) positions.current = local.pending(start.nextSeq, end);
        return value;
      }).catch((error: unknown) => {
        positions.current?.failed();
        throw error;
      });
      positions.current?.committed();
      feed.publish(changes);
      if (published !== null) {
        if (local) local.rulebook = published;
        feed.publishRulebook(published, clock());
      }
      return result;
    },
  };
}
