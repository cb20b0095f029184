import { HASH_SIZE, rootFromHashes, type Hasher, type NodeReader } from '../core/merkle/index.js';
import { baseRow, hashIndexInTile, nodeTile, tileKeyString, tileWidthOf } from './tile-layout.js';

/**
 * Serves tree nodes out of loaded tiles (keyed by tileKeyString): a stored node as it is, another
 * as the root of the (at most 8) stored hashes below it. Throws RangeError for a node no loaded tile
 * holds, or a tile whose stored length fits no width: a proof is never built from guesses.
 */
export function tileNodeReader(h: Hasher, tiles: ReadonlyMap<string, Uint8Array>): NodeReader {
  return (level, index) => {
    const { tile, row, pos } = nodeTile(level, index);
    const bytes = tiles.get(tileKeyString(tile));
    const width = bytes === undefined ? undefined : tileWidthOf(bytes.length);
    if (bytes === undefined || width === undefined) throw new RangeError(`tile ${tileKeyString(tile)} for node (${level}, ${index}) is missing or malformed`);
    const base = baseRow(row);
    const span = 2 ** (row - base);
    const hashes: Uint8Array[] = [];
    for (let p = pos * span; p < (pos + 1) * span; p++) {
      const at = hashIndexInTile(width, base, p);
      if (at === undefined) throw new RangeError(`node (${level}, ${index}) is not complete in tile ${tileKeyString(tile)} of width ${width}`);
      hashes.push(bytes.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE));
    }
    return span === 1 ? (hashes[0] as Uint8Array) : rootFromHashes(h, hashes);
  };
}
