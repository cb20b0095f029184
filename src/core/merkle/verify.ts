import { bytesEqual, emptyRoot, isHash, nodeHash, type Hasher } from './hasher.js';
import { isPowerOfTwo, isTreeSize } from './tree-math.js';

// Verification runs on untrusted input (proofs from the network, JSON): it rejects, never throws.

const isProof = (proof: unknown): proof is readonly Uint8Array[] =>
  Array.isArray(proof) && proof.length <= 64 && proof.every(isHash);

const odd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** RFC 9162 §2.1.3.2: does `proof` show `leafHash` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  h: Hasher, leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array,
): boolean {
  if (!isTreeSize(size) || !isTreeSize(index) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !isProof(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false; // proof longer than the path
    if (odd(fn) || fn === sn) {
      r = nodeHash(h, p, r);
      // A right-edge node with no right sibling at this level: climb until it is a right child.
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(h, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `oldSize` is a prefix of the tree of `newSize`? */
export function verifyConsistency(
  h: Hasher, oldSize: number, newSize: number, oldRoot: Uint8Array, newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize > newSize) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !isProof(proof)) return false;
  // Trivial cases take an empty proof and nothing else.
  if (oldSize === 0) return proof.length === 0 && bytesEqual(oldRoot, emptyRoot(h));
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (proof.length === 0) return false;

  // When the old tree is a perfect left subtree its root is the implicit first proof element.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(h, c, fr);
      sr = nodeHash(h, c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(h, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
}
