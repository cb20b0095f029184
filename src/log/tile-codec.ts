import { HASH_SIZE } from '../core/merkle/index.js';
import { TILE_HEIGHT, tileWidthOf } from './tile-layout.js';

/** A tile's hashes row by row (row 0 = the bottom hashes); see tile-layout.ts. */
export type TileRows = Uint8Array[][];

export const emptyTileRows = (): TileRows => Array.from({ length: TILE_HEIGHT }, () => []);

/** The stored form: every row's hashes concatenated, bottom row first. */
export function encodeTile(rows: TileRows): Uint8Array {
  const count = rows.reduce((n, r) => n + r.length, 0);
  const out = new Uint8Array(count * HASH_SIZE);
  let at = 0;
  for (const row of rows) {
    for (const h of row) {
      out.set(h, at);
      at += HASH_SIZE;
    }
  }
  return out;
}

/** Splits a stored tile back into rows; undefined when its length fits no width. */
export function decodeTile(bytes: Uint8Array): TileRows | undefined {
  const width = tileWidthOf(bytes.length);
  if (width === undefined) return undefined;
  const rows = emptyTileRows();
  let at = 0;
  for (let row = 0; row < TILE_HEIGHT; row++) {
    const n = Math.floor(width / 2 ** row);
    for (let i = 0; i < n; i++, at += HASH_SIZE) (rows[row] as Uint8Array[]).push(bytes.slice(at, at + HASH_SIZE));
  }
  return rows;
}
