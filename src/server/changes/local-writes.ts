/** A write of this process on its way to commit: settle it once the commit succeeded or failed. */
export interface PendingWrite {
  committed(): void;
  failed(): void;
}

/**
 * The ledger positions this process wrote itself (it announces their standing changes as it commits
 * them), so that what other processes wrote can be told apart and announced too (`foreign-change-relay.ts`).
 */
export interface LocalWrites {
  /** A write is about to commit the events [from, to). Registered before the commit, so no reader can see them first. */
  pending(from: number, to: number): PendingWrite;
  /**
   * The stretches of [from, head) that other processes wrote, in order, and how far the caller may
   * move: to `head`, or to the first write of this process that has not settled (it may yet fail, and
   * its positions be taken by another process).
   */
  foreign(from: number, head: number): { readonly stretches: readonly (readonly [number, number])[]; readonly upTo: number };
  /** The caller has moved to `at`: settled writes wholly before it are no longer needed. */
  forget(at: number): void;
  /** The rulebook in force as last announced (by this process's own write, or by the relay). */
  rulebook: string | null;
}

export function localWrites(): LocalWrites {
  const writes = new Map<number, { readonly to: number; settled: boolean }>();
  return {
    rulebook: null,
    pending: (from, to) => {
      const write = { to, settled: false };
      writes.set(from, write);
      return {
        committed: () => {
          write.settled = true;
        },
        failed: () => {
          if (writes.get(from) === write) writes.delete(from);
        },
      };
    },
    foreign: (from, head) => {
      const mine = [...writes.entries()].filter(([start, w]) => w.to > from && start < head).sort((a, b) => a[0] - b[0]);
      const stretches: (readonly [number, number])[] = [];
      let at = from;
      let upTo = head;
      for (const [start, w] of mine) {
        if (!w.settled) {
          upTo = Math.max(at, start);
          break;
        }
        if (start > at) stretches.push([at, start]);
        at = Math.max(at, w.to);
      }
      if (upTo > at) stretches.push([at, upTo]);
      return { stretches, upTo };
    },
    forget: (at) => {
      for (const [start, w] of writes) if (w.settled && w.to <= at) writes.delete(start);
    },
  };
}
