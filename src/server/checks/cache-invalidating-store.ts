import type { SubjectId } from '../../core/brand.js';
import type { Store, WriteTx } from '../../store/store.js';
import type { StandingCache } from './standing-cache.js';

/**
 * Wraps the ledger's store so that, once a write transaction has committed and before its caller
 * hears of it, the standing cache drops every subject whose records or standings it wrote (all of
 * them when it set the rulebooks) and learns the ledger position the write moved it to.
 */
export function cacheInvalidatingStore(store: Store, cache: Pick<StandingCache<unknown>, 'committed'>): Store {
  return {
    ...store,
    read: (fn) => store.read(fn),
    close: () => store.close(),
    write: async (fn) => {
      let before = 0;
      let after = 0;
      let touched: Set<SubjectId> | null = null;
      const result = await store.write(async (tx) => {
        const subjects = new Set<SubjectId>();
        let everything = false;
        touched = null;
        before = (await tx.head()).nextSeq;
        const watched: WriteTx = {
          ...tx,
          putSubjects: (changes) => {
            for (const c of changes) {
              subjects.add(c.subject.id);
              for (const s of c.standings ?? []) subjects.add(s.subjectId);
            }
            return tx.putSubjects(changes);
          },
          putRecords: (records) => {
            for (const r of records) subjects.add(r.subjectId);
            return tx.putRecords(records);
          },
          putStandings: (standings) => {
            for (const s of standings) subjects.add(s.subjectId);
            return tx.putStandings(standings);
          },
          setRulebooks: (pointers) => {
            everything = true;
            return tx.setRulebooks(pointers);
          },
        };
        const value = await fn(watched);
        after = (await tx.head()).nextSeq;
        touched = everything ? null : subjects;
        return value;
      });
      cache.committed(before, after, touched);
      return result;
    },
  };
}
