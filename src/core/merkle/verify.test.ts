import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendLeaves, emptyCompactTree } from './compact-tree.js';
import { emptyRoot, leafHash } from './hasher.js';
import { createMemoryNodes } from './memory-nodes.js';
import { nobleHasher as h } from './noble-hasher.js';
import { consistencyProof, inclusionProof, rootAt } from './proofs.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

const MAX = 300;
const hashes = Array.from({ length: MAX }, (_, i) => leafHash(h, Uint8Array.of(i % 256, i >> 8)));
const store = createMemoryNodes();
store.add(appendLeaves(h, emptyCompactTree, hashes).newNodes);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootAt(h, store.read, n));
const root = (n: number): Uint8Array => roots[n] as Uint8Array;
const leaf = (i: number): Uint8Array => hashes[i] as Uint8Array;

const flipBit = (xs: readonly Uint8Array[], el: number, bit: number): Uint8Array[] =>
  xs.map((x, j) => {
    if (j !== el) return x;
    const y = Uint8Array.from(x);
    y[bit >> 3] = (y[bit >> 3] ?? 0) ^ (1 << (bit & 7));
    return y;
  });
const withoutAt = <T>(xs: readonly T[], at: number): T[] => xs.filter((_, j) => j !== at);
const insertAt = <T>(xs: readonly T[], at: number, x: T): T[] => [...xs.slice(0, at), x, ...xs.slice(at)];

// An index and a size with index < size, and an arbitrary other position in the same range.
const position = fc.integer({ min: 1, max: MAX }).chain((n) =>
  fc.record({ n: fc.constant(n), i: fc.nat(n - 1), other: fc.nat(n - 1), otherSize: fc.integer({ min: 1, max: MAX }) }));
const junk = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('verifyInclusion rejects', () => {
  it('any single-bit change, wrong index, wrong size, wrong leaf, truncation or extension', () => {
    fc.assert(fc.property(position, fc.nat(), fc.nat(255), junk, fc.nat(), ({ n, i, other, otherSize }, e, bit, extra, at) => {
      const proof = inclusionProof(h, store.read, i, n);
      const ok = (l: Uint8Array, idx: number, size: number, p: readonly Uint8Array[], r: Uint8Array): boolean =>
        verifyInclusion(h, l, idx, size, p, r);
      expect(ok(leaf(i), i, n, proof, root(n))).toBe(true);
      if (proof.length > 0) {
        expect(ok(leaf(i), i, n, flipBit(proof, e % proof.length, bit), root(n))).toBe(false);
        expect(ok(leaf(i), i, n, withoutAt(proof, at % proof.length), root(n))).toBe(false);
      }
      expect(ok(leaf(i), i, n, proof, flipBit([root(n)], 0, bit)[0] as Uint8Array)).toBe(false);
      expect(ok(flipBit([leaf(i)], 0, bit)[0] as Uint8Array, i, n, proof, root(n))).toBe(false);
      expect(ok(leaf(i), i, n, insertAt(proof, at % (proof.length + 1), extra), root(n))).toBe(false);
      expect(ok(leaf(i), i, n, [...proof, proof[0] ?? extra], root(n))).toBe(false);
      if (other !== i) {
        expect(ok(leaf(i), other, n, proof, root(n))).toBe(false);
        expect(ok(leaf(other), other, n, proof, root(n))).toBe(false);
      }
      // A size and the root it goes with come from one checkpoint: a proof for n fails for any other tree.
      if (otherSize !== n && i < otherSize) expect(ok(leaf(i), i, otherSize, proof, root(otherSize))).toBe(false);
      if (otherSize !== n) expect(ok(leaf(i), i, n, proof, root(otherSize))).toBe(false);
    }), { numRuns: 500 });
  });

  it('malformed input, without throwing', () => {
    const proof = inclusionProof(h, store.read, 5, 10);
    const bad: [number, number, unknown, unknown, unknown][] = [
      [10, 10, leaf(10), proof, root(10)],
      [-1, 10, leaf(5), proof, root(10)],
      [5.5, 10, leaf(5), proof, root(10)],
      [5, Number.NaN, leaf(5), proof, root(10)],
      [5, Infinity, leaf(5), proof, root(10)],
      [5, 2 ** 60, leaf(5), proof, root(10)],
      [0, 0, leaf(0), [], emptyRoot(h)],
      [5, 10, leaf(5).subarray(1), proof, root(10)],
      [5, 10, leaf(5), proof, root(10).subarray(0, 31)],
      [5, 10, leaf(5), proof.map((p, j) => (j === 1 ? new Uint8Array([...p, 0]) : p)), root(10)],
      [5, 10, leaf(5), proof.map((p, j) => (j === 0 ? Array.from(p) : p)), root(10)],
      [5, 10, leaf(5), 'not a proof', root(10)],
      [5, 10, leaf(5), null, root(10)],
      [5, 10, leaf(5), Array.from({ length: 1000 }, () => leaf(0)), root(10)],
    ];
    for (const [i, n, l, p, r] of bad) {
      expect(verifyInclusion(h, l as Uint8Array, i, n, p as Uint8Array[], r as Uint8Array)).toBe(false);
    }
  });
});

describe('verifyConsistency rejects', () => {
  it('any single-bit change, wrong roots or sizes, swapped roots, truncation or extension', () => {
    const pair = fc.integer({ min: 1, max: MAX }).chain((n) =>
      fc.record({ n: fc.constant(n), m: fc.nat(n), m2: fc.nat(n), n2: fc.integer({ min: 1, max: MAX }) }));
    fc.assert(fc.property(pair, fc.nat(), fc.nat(255), junk, fc.nat(), ({ n, m, m2, n2 }, e, bit, extra, at) => {
      const proof = consistencyProof(h, store.read, m, n);
      const ok = (a: number, b: number, ra: Uint8Array, rb: Uint8Array, p: readonly Uint8Array[]): boolean =>
        verifyConsistency(h, a, b, ra, rb, p);
      expect(ok(m, n, root(m), root(n), proof)).toBe(true);
      if (proof.length > 0) {
        expect(ok(m, n, root(m), root(n), flipBit(proof, e % proof.length, bit))).toBe(false);
        expect(ok(m, n, root(m), root(n), withoutAt(proof, at % proof.length))).toBe(false);
      }
      expect(ok(m, n, root(m), root(n), insertAt(proof, at % (proof.length + 1), extra))).toBe(false);
      expect(ok(m, n, root(m), root(n), [root(m), ...proof])).toBe(false);
      expect(ok(m, n, flipBit([root(m)], 0, bit)[0] as Uint8Array, root(n), proof)).toBe(false);
      // Every tree extends the empty tree, whatever its root; otherwise the new root is bound.
      expect(ok(m, n, root(m), flipBit([root(n)], 0, bit)[0] as Uint8Array, proof)).toBe(m === 0);
      if (m !== n) {
        expect(ok(m, n, root(n), root(m), proof)).toBe(false);
        expect(ok(n, m, root(n), root(m), proof)).toBe(false);
      }
      // (An empty proof is valid for any old size 0 or equal to the new one, so only real proofs carry over.)
      if (m2 !== m && proof.length > 0) expect(ok(m2, n, root(m2), root(n), proof)).toBe(false);
      if (n2 !== n && m <= n2) expect(ok(m, n2, root(m), root(n2), proof)).toBe(proof.length === 0 && (m === 0 || m === n2));
    }), { numRuns: 500 });
  });

  it('trivial cases only with an empty proof and matching roots', () => {
    const p = consistencyProof(h, store.read, 3, 7);
    expect(verifyConsistency(h, 0, 7, emptyRoot(h), root(7), [])).toBe(true);
    expect(verifyConsistency(h, 0, 7, emptyRoot(h), root(7), p)).toBe(false);
    expect(verifyConsistency(h, 0, 7, root(1), root(7), [])).toBe(false);
    expect(verifyConsistency(h, 7, 7, root(7), root(7), [])).toBe(true);
    expect(verifyConsistency(h, 7, 7, root(7), root(7), p)).toBe(false);
    expect(verifyConsistency(h, 7, 7, root(6), root(7), [])).toBe(false);
    expect(verifyConsistency(h, 3, 7, root(3), root(7), [])).toBe(false);
  });

  it('malformed input, without throwing', () => {
    const p = consistencyProof(h, store.read, 3, 7);
    const bad: [number, number, unknown, unknown, unknown][] = [
      [8, 7, root(3), root(7), p],
      [-1, 7, root(3), root(7), p],
      [3, 7.5, root(3), root(7), p],
      [3, Number.NaN, root(3), root(7), p],
      [3, 7, root(3).subarray(1), root(7), p],
      [3, 7, root(3), new Uint8Array(33), p],
      [3, 7, root(3), root(7), [...p.slice(1), 'x']],
      [3, 7, root(3), root(7), undefined],
      [3, 7, root(3), root(7), [p[0]?.subarray(0, 16), ...p.slice(1)]],
    ];
    for (const [m, n, ra, rb, pr] of bad) {
      expect(verifyConsistency(h, m, n, ra as Uint8Array, rb as Uint8Array, pr as Uint8Array[])).toBe(false);
    }
  });
});
