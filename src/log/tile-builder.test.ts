import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactRoot, compactTreeAt, consistencyProof, emptyCompactTree, inclusionProof, leafHash, rootAt, rootFromHashes, verifyConsistency, verifyInclusion,
} from '../core/merkle/index.js';
import { nodeCryptoHasher as h } from './node-hasher.js';
import { tileBuilder, type TileBytes } from './tile-builder.js';
import { edgeTiles, tileHashCount, tileKeyString, tileWidthOf, TILE_WIDTH } from './tile-layout.js';
import { tileNodeReader } from './tile-reader.js';

const leaves = (n: number, salt = 0): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => leafHash(h, new TextEncoder().encode(`leaf ${salt} ${i}`)));

/** Appends in the given batch sizes, overwriting stored tiles as a store would. */
function build(hashes: readonly Uint8Array[], batches: readonly number[]): { store: Map<string, Uint8Array>; root: Uint8Array } {
  const store = new Map<string, Uint8Array>();
  let builder = tileBuilder(emptyCompactTree, []);
  let at = 0;
  for (const b of [...batches, hashes.length]) {
    const batch = hashes.slice(at, Math.min(hashes.length, at + b));
    at += batch.length;
    for (const t of builder.append(h, batch)) store.set(tileKeyString(t), t.hashes);
    // Reload from the store now and then, as a restarted appender does.
    if (b % 3 === 0) builder = reload(store, builder.tree().size);
  }
  return { store, root: compactRoot(h, builder.tree()) };
}

function reload(store: Map<string, Uint8Array>, size: number): ReturnType<typeof tileBuilder> {
  const edge: TileBytes[] = edgeTiles(size).map((k) => ({ ...k, hashes: store.get(tileKeyString(k)) as Uint8Array }));
  return tileBuilder(compactTreeAt(tileNodeReader(h, store), size), edge);
}

describe('tiles', () => {
  it('hold every node a proof needs, for every earlier size, however the appends were batched', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 700 }), fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 6 }), (n, batches) => {
      const hashes = leaves(n);
      const { store, root } = build(hashes, batches);
      expect(Buffer.from(root).equals(Buffer.from(rootFromHashes(h, hashes)))).toBe(true);
      const read = tileNodeReader(h, store);
      for (const size of [1, Math.ceil(n / 3), n - 1, n].filter((s) => s >= 1)) {
        const r = rootAt(h, read, size);
        expect(Buffer.from(r).equals(Buffer.from(rootFromHashes(h, hashes.slice(0, size))))).toBe(true);
        const index = (size * 7919) % size;
        expect(verifyInclusion(h, hashes[index] as Uint8Array, index, size, inclusionProof(h, read, index, size), r)).toBe(true);
        const old = Math.max(1, Math.floor(size / 2));
        expect(verifyConsistency(h, old, size, rootAt(h, read, old), r, consistencyProof(h, read, old, size))).toBe(true);
      }
    }), { numRuns: 60 });
  });

  it('store one row per tile: full tiles of 256 bottom hashes and their 16 row-4 nodes, and one partial tile per level', () => {
    const { store } = build(leaves(600), [100, 300]);
    expect([...store.keys()].sort()).toEqual(['0/0', '0/1', '0/2', '1/0']);
    expect(tileWidthOf((store.get('0/0') as Uint8Array).length)).toBe(TILE_WIDTH);
    expect(tileWidthOf((store.get('0/2') as Uint8Array).length)).toBe(600 - 512);
    expect(tileWidthOf((store.get('1/0') as Uint8Array).length)).toBe(2);
  });

  it('reach the third tile level and still prove inclusion and consistency at 70,000 leaves', () => {
    const hashes = leaves(70_000, 1);
    const { store, root } = build(hashes, [65_535, 2, 1000]);
    const read = tileNodeReader(h, store);
    expect(store.has('2/0')).toBe(true);
    for (const index of [0, 255, 256, 65_535, 65_536, 69_999]) {
      expect(verifyInclusion(h, hashes[index] as Uint8Array, index, 70_000, inclusionProof(h, read, index, 70_000), root)).toBe(true);
    }
    expect(verifyConsistency(h, 65_536, 70_000, rootAt(h, read, 65_536), root, consistencyProof(h, read, 65_536, 70_000))).toBe(true);
  });

  it('build the same tiles from leaf inputs (0x00 ‖ bytes) as from their leaf hashes', () => {
    const bytes = Array.from({ length: 300 }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
    const inputs = bytes.map((b) => Uint8Array.of(0, ...b));
    const fromHashes = tileBuilder(emptyCompactTree, []).append(h, bytes.map((b) => leafHash(h, b)));
    expect(tileBuilder(emptyCompactTree, []).appendInputs(h, inputs)).toEqual(fromHashes);
  });

  it('give every width a distinct stored length, so a tile says its own width', () => {
    for (let w = 1; w <= TILE_WIDTH; w++) expect(tileWidthOf(tileHashCount(w) * 32)).toBe(w);
    expect(tileHashCount(TILE_WIDTH)).toBe(272);
  });

  it('refuse to serve a node from a tile whose stored length was altered', () => {
    const { store } = build(leaves(300), []);
    store.set('0/0', (store.get('0/0') as Uint8Array).subarray(32));
    expect(() => tileNodeReader(h, store)(0, 3)).toThrow(RangeError);
  });
});
