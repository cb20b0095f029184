import { emptyRoot, nodeHash, type Hasher } from './hasher.js';
import { rangeNodes, type NodeAddress } from './tree-math.js';
import type { NodeReader } from './node-reader.js';

/**
 * The right edge of a tree: the roots of its perfect subtrees, largest first (one per set bit of
 * size). Immutable, so a store can compute the next state, persist it, and retry on conflict.
 */
export interface CompactTree {
  readonly size: number;
  readonly peaks: readonly Uint8Array[];
}

/** A completed perfect-subtree node; a store persists every one of them (level 0 = leaf hashes). */
export interface StoredNode extends NodeAddress {
  readonly hash: Uint8Array;
}

export interface AppendResult {
  readonly tree: CompactTree;
  /** The leaf itself, then each node its arrival completed, bottom-up. */
  readonly newNodes: readonly StoredNode[];
}

export const emptyCompactTree: CompactTree = { size: 0, peaks: [] };

/** Appends one leaf hash; O(log n) hashes, and only nodes that will never change again are emitted. */
export function appendLeaf(h: Hasher, tree: CompactTree, leafHash: Uint8Array): AppendResult {
  const peaks = [...tree.peaks];
  let carry: StoredNode = { level: 0, index: tree.size, hash: leafHash };
  const newNodes: StoredNode[] = [carry];
  // Each trailing one bit of the old size is a peak of the carry's level: merge them.
  for (let n = tree.size; n % 2 === 1; n = (n - 1) / 2) {
    const left = peaks.pop() as Uint8Array;
    carry = { level: carry.level + 1, index: (carry.index - 1) / 2, hash: nodeHash(h, left, carry.hash) };
    newNodes.push(carry);
  }
  peaks.push(carry.hash);
  return { tree: { size: tree.size + 1, peaks }, newNodes };
}

/** Appends a batch of leaf hashes in order. */
export function appendLeaves(h: Hasher, tree: CompactTree, leafHashes: readonly Uint8Array[]): AppendResult {
  let current = tree;
  const newNodes: StoredNode[] = [];
  for (const leaf of leafHashes) {
    const r = appendLeaf(h, current, leaf);
    current = r.tree;
    newNodes.push(...r.newNodes);
  }
  return { tree: current, newNodes };
}

/** Root of the compact tree: the peaks folded right to left. */
export function compactRoot(h: Hasher, tree: CompactTree): Uint8Array {
  const { peaks } = tree;
  if (peaks.length === 0) return emptyRoot(h);
  let acc = peaks[peaks.length - 1] as Uint8Array;
  for (let i = peaks.length - 2; i >= 0; i--) acc = nodeHash(h, peaks[i] as Uint8Array, acc);
  return acc;
}

/** Rebuilds the compact tree of a given size from stored nodes (popcount(size) reads). */
export function compactTreeAt(read: NodeReader, size: number): CompactTree {
  return { size, peaks: rangeNodes(0, size).map((a) => read(a.level, a.index)) };
}
