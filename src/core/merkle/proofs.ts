import { emptyRoot, nodeHash, type Hasher } from './hasher.js';
import type { NodeReader } from './node-reader.js';
import { consistencyPlan, inclusionPlan, rootPlan, type ProofPlan } from './proof-plan.js';
import type { NodeAddress } from './tree-math.js';

/** Folds the nodes of an aligned range right to left into its Merkle root. */
function foldNodes(h: Hasher, read: NodeReader, nodes: readonly NodeAddress[]): Uint8Array {
  const last = nodes[nodes.length - 1];
  if (!last) throw new RangeError('empty range has no subtree root');
  let acc = read(last.level, last.index);
  for (let i = nodes.length - 2; i >= 0; i--) {
    const n = nodes[i] as NodeAddress;
    acc = nodeHash(h, read(n.level, n.index), acc);
  }
  return acc;
}

const buildProof = (h: Hasher, read: NodeReader, plan: ProofPlan): Uint8Array[] =>
  plan.map((nodes) => foldNodes(h, read, nodes));

/** Inclusion proof (audit path) of leaf `index` in the tree of `size`; O(log n) reads. */
export const inclusionProof = (h: Hasher, read: NodeReader, index: number, size: number): Uint8Array[] =>
  buildProof(h, read, inclusionPlan(index, size));

/** Consistency proof that the tree of `oldSize` is a prefix of the tree of `newSize`; O(log n) reads. */
export const consistencyProof = (h: Hasher, read: NodeReader, oldSize: number, newSize: number): Uint8Array[] =>
  buildProof(h, read, consistencyPlan(oldSize, newSize));

/** Root of the tree of `size` (any size up to the stored one) from stored nodes. */
export function rootAt(h: Hasher, read: NodeReader, size: number): Uint8Array {
  const nodes = rootPlan(size);
  return nodes.length === 0 ? emptyRoot(h) : foldNodes(h, read, nodes);
}
