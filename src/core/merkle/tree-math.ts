/**
 * Tree arithmetic on plain numbers. Sizes may exceed 2^32, so no 32-bit bitwise operators:
 * everything stays exact up to Number.MAX_SAFE_INTEGER.
 */

/** Address of a complete perfect subtree: level L, index i covers leaves [i·2^L, (i+1)·2^L). */
export interface NodeAddress {
  readonly level: number;
  readonly index: number;
}

export const isTreeSize = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Largest power of two strictly below n (n ≥ 2): the RFC 6962 split point. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up [start, start + count), largest first, where start is a multiple
 * of a power of two ≥ count (every range a proof needs has that shape). Folding their hashes right to
 * left gives the range's Merkle root.
 */
export function rangeNodes(start: number, count: number): NodeAddress[] {
  const out: NodeAddress[] = [];
  let level = 0;
  while (2 ** (level + 1) <= count) level++;
  let pos = start;
  for (; level >= 0; level--) {
    const width = 2 ** level;
    if (Math.floor(count / width) % 2 === 1) {
      out.push({ level, index: pos / width });
      pos += width;
    }
  }
  return out;
}

export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
