import type { SubjectChange } from '../../src/store/rows.js';
import type { Store, WriteTx } from '../../src/store/store.js';

export interface HookedStore {
  readonly store: Store;
  /** Writes ahead of the write before them that committed (PostgreSQL only). */
  aheadCommits(): number;
}

/**
 * A real store that runs `beforeSubjects` before each write transaction writes subjects: to hold a
 * transaction open for a while, or to fail it as a lost connection would. All else goes to the store.
 */
export function hookedStore(inner: Store, beforeSubjects: (changes: readonly SubjectChange[]) => Promise<void>): HookedStore {
  const innerOf = new WeakMap<WriteTx, WriteTx>();
  let ahead = 0;
  const wrap = (tx: WriteTx): WriteTx => {
    const wrapped: WriteTx = {
      ...tx,
      putSubjects: async (changes) => {
        await beforeSubjects(changes);
        await tx.putSubjects(changes);
      },
    };
    innerOf.set(wrapped, tx);
    return wrapped;
  };
  const writeAhead = inner.writeAhead?.bind(inner);
  const store: Store = {
    ...inner,
    read: (fn) => inner.read(fn),
    write: (fn) => inner.write((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  };
  return {
    store: writeAhead
      ? {
        ...store,
        writeAhead: async (after, fn) => {
          const result = await writeAhead(innerOf.get(after) ?? after, (tx) => fn(wrap(tx)));
          ahead += 1;
          return result;
        },
      }
      : store,
    aheadCommits: () => ahead,
  };
}
