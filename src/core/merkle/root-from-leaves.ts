import { emptyRoot, leafHash, nodeHash, type Hasher } from './hasher.js';
import { largestPowerOfTwoBelow } from './tree-math.js';

/**
 * Root over already-hashed entries by the RFC 6962 recursive split (left part = largest power of two
 * below n). With leaf hashes this is the tree root; a tile store can use it to rebuild an interior node
 * from the 2^k nodes below it.
 */
export function rootFromHashes(h: Hasher, hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot(h);
  const go = (lo: number, hi: number): Uint8Array => {
    if (hi - lo === 1) return hashes[lo] as Uint8Array;
    const k = largestPowerOfTwoBelow(hi - lo);
    return nodeHash(h, go(lo, lo + k), go(lo + k, hi));
  };
  return go(0, hashes.length);
}

/** Reference Merkle tree hash MTH(D[n]) of raw leaves, straight from the RFC definition. */
export const rootFromLeaves = (h: Hasher, leaves: readonly Uint8Array[]): Uint8Array =>
  rootFromHashes(h, leaves.map((leaf) => leafHash(h, leaf)));
