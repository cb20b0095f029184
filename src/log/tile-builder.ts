import { HASH_SIZE, type CompactTree, type Hasher } from '../core/merkle/index.js';
import type { DigestInto } from './node-hasher.js';
import { decodeTile } from './tile-codec.js';
import { STORED_ROWS, tileHashCount, tileKeyString, TILE_HEIGHT, TILE_WIDTH, type TileKey } from './tile-layout.js';

/** A tile as stored: its key and its encoded hashes. */
export interface TileBytes extends TileKey {
  readonly hashes: Uint8Array;
}

/** Where each stored row of a full tile starts, in hashes (rows 0 and 4): the stored layout of a full tile. */
const ROW_START: readonly number[] = [0, -1, -1, -1, TILE_WIDTH, -1, -1, -1];

/** The right-edge tile of one tile level, filled in place in the layout of a full tile. */
interface EdgeTile {
  readonly level: number;
  readonly index: number;
  readonly buf: Buffer;
  /** Hashes in each row so far. */
  readonly counts: number[];
  /** The batch that last changed it, so each touched tile is written once per batch. */
  batch: number;
}

const newTile = (level: number, index: number): EdgeTile =>
  ({ level, index, buf: Buffer.alloc(tileHashCount(TILE_WIDTH) * HASH_SIZE), counts: new Array<number>(TILE_HEIGHT).fill(0), batch: 0 });

/** How the builder hashes: into its own buffers when the hasher can (node-hasher.ts), else by copying. */
const digestIntoOf = (h: Hasher): DigestInto => {
  const fast = (h as Partial<{ digestInto: DigestInto }>).digestInto;
  return fast ?? ((data, out, offset) => void out.set(h.sha256(data), offset));
};

/** The stored bytes of a tile: each row's hashes so far, packed bottom row first. */
function encodeEdge(e: EdgeTile): Uint8Array {
  // A full tile is complete: nothing writes to it again, so its buffer is its stored form.
  if (e.counts[0] === TILE_WIDTH) return e.buf;
  const out = new Uint8Array(e.counts.reduce((n, c) => n + c, 0) * HASH_SIZE);
  let at = 0;
  for (const r of STORED_ROWS) {
    const c = e.counts[r] as number;
    const start = (ROW_START[r] as number) * HASH_SIZE;
    out.set(e.buf.subarray(start, start + c * HASH_SIZE), at);
    at += c * HASH_SIZE;
  }
  return out;
}

/**
 * The log's right edge in memory: the compact tree and the last tile of every tile level. Appending
 * leaf hashes returns every tile they touched, encoded, ready to be written in one transaction.
 * Mutable for speed: after a failed write the caller must discard it and load a fresh one.
 */
export interface TileBuilder {
  readonly tree: () => CompactTree;
  append(h: Hasher, leafHashes: readonly Uint8Array[]): TileBytes[];
  /** As `append`, hashing each leaf input (0x00 ‖ leaf bytes) on the way: no leaf hash outlives its turn. */
  appendInputs(h: Hasher, leafInputs: readonly Uint8Array[]): TileBytes[];
}

/**
 * A builder continuing `tree`, whose rightmost tile of each level is in `edge` as stored. A stored
 * tile may already be wider than `tree` (another appender committed after the tree size was read):
 * it is cut back to the tree, since the nodes below the size never change.
 *
 * This is the core's compact-tree append (appendLeaf) specialised for the hot path: the same merges
 * of the right edge, but hashes are written into the builder's own buffers (no object per hash) and
 * each completed node of a stored row is copied straight into its place in its tile. The tests check it against the core's proofs and roots.
 */
export function tileBuilder(tree: CompactTree, edge: readonly TileBytes[]): TileBuilder {
  const edges: (EdgeTile | undefined)[] = [];
  for (const t of edge) {
    const rows = decodeTile(t.hashes);
    if (!rows) throw new RangeError(`stored tile ${tileKeyString(t)} has a length no tile width has`);
    const width = Math.floor(tree.size / TILE_WIDTH ** t.level) - TILE_WIDTH * t.index;
    if (width < 1 || (rows[0] as Uint8Array[]).length < width) throw new RangeError(`stored tile ${tileKeyString(t)} does not reach tree size ${tree.size}`);
    const e = newTile(t.level, t.index);
    for (const r of STORED_ROWS) {
      const keep = Math.floor(width / 2 ** r);
      (rows[r] as Uint8Array[]).slice(0, keep).forEach((hash, p) => e.buf.set(hash, ((ROW_START[r] as number) + p) * HASH_SIZE));
      e.counts[r] = keep;
    }
    edges[t.level] = e;
  }
  // The right edge's peaks, one 32-byte slot per tree level (a peak per set bit of the size).
  const peakSlots = Buffer.alloc(64 * HASH_SIZE);
  const peakLevels = (n: number): number[] => {
    const levels: number[] = [];
    for (let level = 52; level >= 0; level--) if (Math.floor(n / 2 ** level) % 2 === 1) levels.push(level);
    return levels;
  };
  peakLevels(tree.size).forEach((level, i) => peakSlots.set(tree.peaks[i] as Uint8Array, level * HASH_SIZE));
  const carry = Buffer.alloc(HASH_SIZE);
  const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
  nodeInput[0] = 0x01;
  let size = tree.size;
  let batch = 0;
  let dirty: EdgeTile[] = [];

  /** Files the carry, a completed node of tree level `level` with `index` within that level. */
  const put = (level: number, index: number): void => {
    const tileLevel = (level / TILE_HEIGHT) | 0;
    const row = level - tileLevel * TILE_HEIGHT;
    let e = edges[tileLevel];
    // A tile's bottom row fills first, so a new tile always begins with a bottom node at position 0.
    if (row === 0 && index % TILE_WIDTH === 0) {
      e = newTile(tileLevel, index / TILE_WIDTH);
      edges[tileLevel] = e;
    }
    if (!e) throw new Error(`node (${level}, ${index}) has no tile to go to`);
    if (row !== 0 && row !== 4) return; // recomputed from the stored row below when read
    const pos = e.counts[row] as number;
    carry.copy(e.buf, ((ROW_START[row] as number) + pos) * HASH_SIZE);
    e.counts[row] = pos + 1;
    if (e.batch !== batch) {
      e.batch = batch;
      dirty.push(e);
    }
  };

  /** Appends `count` leaves; `leaf(i, out)` writes the hash of leaf i into `out`. */
  const appendAll = (h: Hasher, count: number, leaf: (i: number, into: DigestInto) => void): TileBytes[] => {
    batch += 1;
    dirty = [];
    const into = digestIntoOf(h);
    for (let i = 0; i < count; i++) {
      leaf(i, into);
      let level = 0;
      let index = size;
      put(0, index);
      // Each trailing one bit of the old size is a peak at the carry's level: merge them.
      for (let n = size; n % 2 === 1; n = (n - 1) / 2) {
        peakSlots.copy(nodeInput, 1, level * HASH_SIZE, (level + 1) * HASH_SIZE);
        carry.copy(nodeInput, 1 + HASH_SIZE);
        into(nodeInput, carry, 0);
        level += 1;
        index = (index - 1) / 2;
        put(level, index);
      }
      carry.copy(peakSlots, level * HASH_SIZE);
      size += 1;
    }
    return dirty.map((e) => ({ level: e.level, index: e.index, hashes: encodeEdge(e) }));
  };

  return {
    tree: () => ({ size, peaks: peakLevels(size).map((level) => Uint8Array.from(peakSlots.subarray(level * HASH_SIZE, (level + 1) * HASH_SIZE))) }),
    append: (h, leafHashes) => appendAll(h, leafHashes.length, (i) => void carry.set(leafHashes[i] as Uint8Array)),
    appendInputs: (h, inputs) => appendAll(h, inputs.length, (i, into) => into(inputs[i] as Uint8Array, carry, 0)),
  };
}
