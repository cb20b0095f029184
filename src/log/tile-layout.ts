import { HASH_SIZE, type NodeAddress } from '../core/merkle/index.js';

/**
 * Tiles: the tree cut into subtrees of height 8. Tile (level k, index t) covers the 256 level-8k
 * nodes [256t, 256t+256) and the nodes above them up to tree level 8k+7 (its rows 0..7). It stores
 * rows 0 and 4 only: its `width` bottom hashes, then the floor(width/16) complete row-4 nodes, each
 * row left to right; a node of rows 1-3 (5-7) is the root of at most 8 stored hashes of row 0 (4).
 * A tile's level-8k+8 root is a bottom hash of tile level k+1. Complete nodes never change, so a
 * partial right-edge tile only ever grows, and a tile serves proofs for every size up to its width.
 */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;

export interface TileKey {
  /** Tile level k: tree levels 8k..8k+7. */
  readonly level: number;
  readonly index: number;
}

export const tileKeyString = (k: TileKey): string => `${k.level}/${k.index}`;

/** The rows a tile stores; every other row is recomputed from the stored row below it. */
export const STORED_ROWS: readonly number[] = [0, 4];

/** The stored row a node of `row` is computed from (itself when stored). */
export const baseRow = (row: number): number => (row < 4 ? 0 : 4);

/** Hashes in a tile with `width` bottom hashes: width + floor(width/16). */
export const tileHashCount = (width: number): number => width + Math.floor(width / 16);

const WIDTH_BY_COUNT = new Map(Array.from({ length: TILE_WIDTH }, (_, i) => [tileHashCount(i + 1), i + 1] as const));

/** The width of a tile from its stored byte length, or undefined when no width has that length. */
export const tileWidthOf = (byteLength: number): number | undefined =>
  byteLength % HASH_SIZE === 0 ? WIDTH_BY_COUNT.get(byteLength / HASH_SIZE) : undefined;

/** The tile holding tree node (level, index), the row of the tile it sits in, and its place in that row. */
export function nodeTile(level: number, index: number): { readonly tile: TileKey; readonly row: number; readonly pos: number } {
  const row = level % TILE_HEIGHT;
  const perTile = 2 ** (TILE_HEIGHT - row);
  return { tile: { level: (level - row) / TILE_HEIGHT, index: Math.floor(index / perTile) }, row, pos: index % perTile };
}

/** Index of a stored row's hash within a tile of `width`; undefined when not stored or not complete. */
export function hashIndexInTile(width: number, row: number, pos: number): number | undefined {
  if (!STORED_ROWS.includes(row) || pos >= Math.floor(width / 2 ** row)) return undefined;
  return row === 0 ? pos : width + pos;
}

/** The distinct tiles holding these nodes, for prefetching before a synchronous proof build. */
export function tilesOf(nodes: readonly NodeAddress[]): TileKey[] {
  const seen = new Map<string, TileKey>();
  for (const n of nodes) {
    const { tile } = nodeTile(n.level, n.index);
    seen.set(tileKeyString(tile), tile);
  }
  return [...seen.values()];
}

/**
 * The tiles of a tree of `size` leaves, per tile level: how many tiles and the width of the last one.
 * Tile level k exists while there is at least one complete level-8k node.
 */
export function tileCounts(size: number): { readonly level: number; readonly tiles: number; readonly lastWidth: number }[] {
  const out: { level: number; tiles: number; lastWidth: number }[] = [];
  for (let level = 0; ; level++) {
    const nodes = Math.floor(size / TILE_WIDTH ** level);
    if (nodes === 0) break;
    const tiles = Math.ceil(nodes / TILE_WIDTH);
    out.push({ level, tiles, lastWidth: nodes - (tiles - 1) * TILE_WIDTH });
  }
  return out;
}

/** The rightmost tile of each tile level of a tree of `size`: what an appender continues from. */
export const edgeTiles = (size: number): TileKey[] => tileCounts(size).map((c) => ({ level: c.level, index: c.tiles - 1 }));
