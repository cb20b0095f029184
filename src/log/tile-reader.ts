import { HASH_SIZE, type NodeReader } from '../core/merkle/index.js';
import { hashIndexInTile, nodeTile, tileKeyString, tileWidthOf } from './tile-layout.js';

/**
 * Serves tree nodes out of loaded tiles (keyed by tileKeyString). Throws RangeError for a node no
 * loaded tile holds, or a tile whose stored length fits no width: a proof is never built from guesses.
 */
export function tileNodeReader(tiles: ReadonlyMap<string, Uint8Array>): NodeReader {
  return (level, index) => {
    const { tile, row, pos } = nodeTile(level, index);
    const bytes = tiles.get(tileKeyString(tile));
    const width = bytes === undefined ? undefined : tileWidthOf(bytes.length);
    if (bytes === undefined || width === undefined) throw new RangeError(`tile ${tileKeyString(tile)} for node (${level}, ${index}) is missing or malformed`);
    const at = hashIndexInTile(width, row, pos);
    if (at === undefined) throw new RangeError(`node (${level}, ${index}) is not complete in tile ${tileKeyString(tile)} of width ${width}`);
    return bytes.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE);
  };
}
