import { appendLeaves, type CompactTree, type Hasher } from '../core/merkle/index.js';
import { decodeTile, emptyTileRows, encodeTile, type TileRows } from './tile-codec.js';
import { nodeTile, tileKeyString, TILE_WIDTH, type TileKey } from './tile-layout.js';

/** A tile as stored: its key and its encoded hashes. */
export interface TileBytes extends TileKey {
  readonly hashes: Uint8Array;
}

interface EdgeTile extends TileKey {
  readonly rows: TileRows;
}

/**
 * The log's right edge in memory: the compact tree and the last tile of every tile level. Appending
 * leaf hashes returns every tile they touched, encoded, ready to be written in one transaction.
 * Mutable for speed: after a failed write the caller must discard it and load a fresh one.
 */
export interface TileBuilder {
  readonly tree: () => CompactTree;
  append(h: Hasher, leafHashes: readonly Uint8Array[]): TileBytes[];
}

/**
 * A builder continuing `tree`, whose rightmost tile of each level is in `edge` as stored. A stored
 * tile may already be wider than `tree` (another appender committed after the tree size was read):
 * it is cut back to the tree, since the nodes below the size never change.
 */
export function tileBuilder(tree: CompactTree, edge: readonly TileBytes[]): TileBuilder {
  const edges: (EdgeTile | undefined)[] = [];
  for (const t of edge) {
    const rows = decodeTile(t.hashes);
    if (!rows) throw new RangeError(`stored tile ${tileKeyString(t)} has a length no tile width has`);
    const width = Math.floor(tree.size / TILE_WIDTH ** t.level) - TILE_WIDTH * t.index;
    if (width < 1 || (rows[0] as Uint8Array[]).length < width) throw new RangeError(`stored tile ${tileKeyString(t)} does not reach tree size ${tree.size}`);
    edges[t.level] = { level: t.level, index: t.index, rows: rows.map((r, row) => r.slice(0, Math.floor(width / 2 ** row))) };
  }
  let current = tree;
  return {
    tree: () => current,
    append: (h, leafHashes) => {
      const { tree: next, newNodes } = appendLeaves(h, current, leafHashes);
      const dirty = new Map<string, EdgeTile>();
      for (const n of newNodes) {
        const { tile, row, pos } = nodeTile(n.level, n.index);
        let e = edges[tile.level];
        if (e?.index !== tile.index) {
          e = { level: tile.level, index: tile.index, rows: emptyTileRows() };
          edges[tile.level] = e;
        }
        const hashes = e.rows[row] as Uint8Array[];
        if (hashes.length !== pos) throw new Error(`node (${n.level}, ${n.index}) arrived out of order in tile ${tileKeyString(tile)}`);
        hashes.push(n.hash);
        dirty.set(tileKeyString(tile), e);
      }
      current = next;
      return [...dirty.values()].map((e) => ({ level: e.level, index: e.index, hashes: encodeTile(e.rows) }));
    },
  };
}
