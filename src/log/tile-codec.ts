import { HASH_SIZE } from '../core/merkle/index.js';
import { STORED_ROWS, TILE_HEIGHT, tileWidthOf } from './tile-layout.js';

/** A tile's hashes row by row (row 0 = the bottom hashes); rows a tile does not store are empty. */
export type TileRows = Uint8Array[][];

export const emptyTileRows = (): TileRows => Array.from({ length: TILE_HEIGHT }, () => []);

/** Splits a stored tile into its rows; undefined when its length fits no width. */
export function decodeTile(bytes: Uint8Array): TileRows | undefined {
  const width = tileWidthOf(bytes.length);
  if (width === undefined) return undefined;
  const rows = emptyTileRows();
  let at = 0;
  for (const row of STORED_ROWS) {
    const n = Math.floor(width / 2 ** row);
    for (let i = 0; i < n; i++, at += HASH_SIZE) (rows[row] as Uint8Array[]).push(bytes.slice(at, at + HASH_SIZE));
  }
  return rows;
}
