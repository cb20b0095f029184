import { isTreeSize, largestPowerOfTwoBelow, rangeNodes, type NodeAddress } from './tree-math.js';

/**
 * Which stored nodes make up each proof element, element by element in RFC 9162 order. An element
 * listing several nodes is their right-to-left fold (the root of an incomplete aligned range).
 * A store can prefetch the flattened list, then build the proof with synchronous reads.
 */
export type ProofPlan = readonly (readonly NodeAddress[])[];

/** RFC 9162 §2.1.3.1 PATH(index, D[size]); throws RangeError unless 0 ≤ index < size. */
export function inclusionPlan(index: number, size: number): ProofPlan {
  if (!isTreeSize(size) || !isTreeSize(index) || index >= size) {
    throw new RangeError(`no inclusion proof for index ${index} in a tree of size ${size}`);
  }
  const topDown: NodeAddress[][] = [];
  let start = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      topDown.push(rangeNodes(start + k, n - k));
      n = k;
    } else {
      topDown.push(rangeNodes(start, k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return topDown.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(oldSize, D[newSize]); empty when oldSize is 0 or equal to newSize. */
export function consistencyPlan(oldSize: number, newSize: number): ProofPlan {
  if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize > newSize) {
    throw new RangeError(`no consistency proof from size ${oldSize} to size ${newSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const topDown: NodeAddress[][] = [];
  let start = 0;
  let n = newSize;
  let m = oldSize;
  let whole = true; // SUBPROOF's flag: the old tree is exactly this subtree, so its root is known.
  while (m !== n) {
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      topDown.push(rangeNodes(start + k, n - k));
      n = k;
    } else {
      topDown.push(rangeNodes(start, k));
      start += k;
      m -= k;
      n -= k;
      whole = false;
    }
  }
  if (!whole) topDown.push(rangeNodes(start, n));
  return topDown.reverse();
}

/** The nodes whose fold is the root of the tree of this size. */
export function rootPlan(size: number): readonly NodeAddress[] {
  if (!isTreeSize(size)) throw new RangeError(`not a tree size: ${size}`);
  return rangeNodes(0, size);
}

/** Every node a plan reads, for prefetching. */
export const planNodes = (plan: ProofPlan): NodeAddress[] => plan.flat();
