import type { StoredNode } from './compact-tree.js';
import type { NodeReader } from './node-reader.js';

/** An in-memory node store: for tests, the CLI replaying a log dump, and the browser. */
export interface MemoryNodes {
  readonly add: (nodes: readonly StoredNode[]) => void;
  /** Throws RangeError for a node never added. */
  readonly read: NodeReader;
}

export function createMemoryNodes(): MemoryNodes {
  const levels: Uint8Array[][] = [];
  return {
    add: (nodes) => {
      for (const n of nodes) (levels[n.level] ??= [])[n.index] = n.hash;
    },
    read: (level, index) => {
      const hash = levels[level]?.[index];
      if (!hash) throw new RangeError(`node (${level}, ${index}) is not stored`);
      return hash;
    },
  };
}
