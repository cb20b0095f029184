import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { appendLeaves, emptyCompactTree } from './compact-tree.js';
import { leafHash, nodeHash } from './hasher.js';
import { createMemoryNodes } from './memory-nodes.js';
import { nobleHasher as h } from './noble-hasher.js';
import type { NodeReader } from './node-reader.js';
import { consistencyPlan, inclusionPlan, planNodes } from './proof-plan.js';
import { consistencyProof, inclusionProof, rootAt } from './proofs.js';
import { largestPowerOfTwoBelow } from './tree-math.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const MAX = 1100;
const hashes = Array.from({ length: MAX }, (_, i) => leafHash(h, new TextEncoder().encode(`leaf ${i}`)));
const store = createMemoryNodes();
store.add(appendLeaves(h, emptyCompactTree, hashes).newNodes);

// RFC 9162 §2.1 definitions, recursively over leaf hashes (memoized), as the oracle.
const memo = new Map<string, Uint8Array>();
function mth(lo: number, hi: number): Uint8Array {
  if (hi - lo === 1) return hashes[lo] as Uint8Array;
  const key = `${lo},${hi}`;
  let r = memo.get(key);
  if (!r) {
    const k = largestPowerOfTwoBelow(hi - lo);
    r = nodeHash(h, mth(lo, lo + k), mth(lo + k, hi));
    memo.set(key, r);
  }
  return r;
}
function refPath(m: number, lo: number, hi: number): Uint8Array[] {
  if (hi - lo <= 1) return [];
  const k = largestPowerOfTwoBelow(hi - lo);
  return m < k ? [...refPath(m, lo, lo + k), mth(lo + k, hi)] : [...refPath(m - k, lo + k, hi), mth(lo, lo + k)];
}
function refSubproof(m: number, lo: number, hi: number, whole: boolean): Uint8Array[] {
  if (m === hi - lo) return whole ? [] : [mth(lo, hi)];
  const k = largestPowerOfTwoBelow(hi - lo);
  return m <= k
    ? [...refSubproof(m, lo, lo + k, whole), mth(lo + k, hi)]
    : [...refSubproof(m - k, lo + k, hi, false), mth(lo, lo + k)];
}

/** A reader that fails on any node outside the complete subtrees of `size`, and counts reads. */
function guardedReader(size: number): { read: NodeReader; reads: () => number } {
  let count = 0;
  return {
    read: (level, index) => {
      count++;
      if ((index + 1) * 2 ** level > size) throw new Error(`read (${level}, ${index}) beyond size ${size}`);
      return store.read(level, index);
    },
    reads: () => count,
  };
}
/** Hex form for fast comparison (deep-equality on typed arrays is slow in bulk). */
const hex = (xs: readonly Uint8Array[]): string => xs.map(bytesToHex).join(',');
const log2ceil = (n: number): number => Math.ceil(Math.log2(Math.max(n, 1)));

function sample(n: number, extra: readonly number[]): number[] {
  if (n <= 64) return Array.from({ length: n }, (_, i) => i);
  const picks = [0, 1, n - 1, n - 2, ...extra, ...Array.from({ length: 6 }, (_, j) => (j * 7919 + n * 31) % n)];
  return [...new Set(picks.filter((x) => x >= 0 && x < n))];
}

describe('proofs from stored nodes', () => {
  it('for every size 1..1024: sampled inclusion and consistency proofs equal the RFC definition and verify', () => {
    for (let n = 1; n <= 1024; n++) {
      const root = rootAt(h, store.read, n);
      expect(hex([root])).toBe(hex([mth(0, n)]));
      const k = n > 1 ? largestPowerOfTwoBelow(n) : 1;
      for (const i of sample(n, [k - 1, k])) {
        const g = guardedReader(n);
        const proof = inclusionProof(h, g.read, i, n);
        expect(hex(proof)).toBe(hex(refPath(i, 0, n)));
        expect(g.reads()).toBeLessThanOrEqual(2 * log2ceil(n) + 1);
        expect(verifyInclusion(h, hashes[i] as Uint8Array, i, n, proof, root)).toBe(true);
      }
      for (const m of [...sample(n, [k, k + 1]), n]) {
        const g = guardedReader(n);
        const proof = consistencyProof(h, g.read, m, n);
        expect(hex(proof)).toBe(hex(m === 0 || m === n ? [] : refSubproof(m, 0, n, true)));
        expect(g.reads()).toBeLessThanOrEqual(2 * log2ceil(n) + 2);
        expect(verifyConsistency(h, m, n, rootAt(h, store.read, m), root, proof)).toBe(true);
      }
    }
  });

  it('random (index, size) and (old, new) pairs up to 1,100 verify', () => {
    const size = fc.integer({ min: 1, max: MAX });
    fc.assert(fc.property(size, fc.nat(), (n, x) => {
      const i = x % n;
      const proof = inclusionProof(h, store.read, i, n);
      return verifyInclusion(h, hashes[i] as Uint8Array, i, n, proof, rootAt(h, store.read, n));
    }), { numRuns: 400 });
    fc.assert(fc.property(size, fc.nat(), (n, x) => {
      const m = x % (n + 1);
      const proof = consistencyProof(h, store.read, m, n);
      return verifyConsistency(h, m, n, rootAt(h, store.read, m), rootAt(h, store.read, n), proof);
    }), { numRuns: 400 });
  });

  it('refuses to build proofs for impossible positions', () => {
    expect(() => inclusionProof(h, store.read, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(h, store.read, -1, 5)).toThrow(RangeError);
    expect(() => inclusionProof(h, store.read, 0, 0)).toThrow(RangeError);
    expect(() => consistencyProof(h, store.read, 6, 5)).toThrow(RangeError);
    expect(() => consistencyProof(h, store.read, 1.5, 5)).toThrow(RangeError);
  });

  it('works beyond 2^32 leaves: plan arithmetic stays exact up to 2^53', () => {
    // A tree whose leaves are all equal: node (level, index) depends on the level only.
    const levels = [leafHash(h, new Uint8Array([7]))];
    for (let l = 1; l <= 53; l++) levels.push(nodeHash(h, levels[l - 1] as Uint8Array, levels[l - 1] as Uint8Array));
    const read: NodeReader = (level) => levels[level] as Uint8Array;
    const sizes = [2 ** 32 + 3, 2 ** 40 - 1, 2 ** 53 - 1, Number.MAX_SAFE_INTEGER];
    for (const n of sizes) {
      const root = rootAt(h, read, n);
      for (const i of [0, 2 ** 31, 2 ** 32 + 1, n - 1]) {
        const proof = inclusionProof(h, read, i, n);
        expect(planNodes(inclusionPlan(i, n)).every((a) => Number.isSafeInteger(a.index))).toBe(true);
        expect(verifyInclusion(h, levels[0] as Uint8Array, i, n, proof, root)).toBe(true);
      }
      for (const m of [1, 2 ** 32, 2 ** 33 + 5, n - 1].filter((x) => x < n)) {
        expect(planNodes(consistencyPlan(m, n)).length).toBeLessThanOrEqual(2 * 53 + 2);
        expect(verifyConsistency(h, m, n, rootAt(h, read, m), root, consistencyProof(h, read, m, n))).toBe(true);
      }
    }
  });
});
