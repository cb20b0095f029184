import type { Hasher, NodeAddress, NodeReader } from '../core/merkle/index.js';
import type { LogStore, LogTileRow } from '../store/log-store.js';
import { tileKeyString, tilesOf, type TileKey } from './tile-layout.js';
import { tileNodeReader } from './tile-reader.js';

/** Loads the tiles holding `nodes` and any `extra` tiles, keyed by tileKeyString. */
export async function loadTiles(store: LogStore, nodes: readonly NodeAddress[], extra: readonly TileKey[] = []): Promise<Map<string, LogTileRow>> {
  const keys = new Map<string, TileKey>();
  for (const k of [...tilesOf(nodes), ...extra]) keys.set(tileKeyString(k), k);
  return new Map((await store.tiles([...keys.values()])).map((r) => [tileKeyString(r), r]));
}

/** Loads the tiles holding `nodes`, then serves those nodes synchronously (for the core's proof builders). */
export async function readerFor(store: LogStore, h: Hasher, nodes: readonly NodeAddress[]): Promise<NodeReader> {
  const tiles = await loadTiles(store, nodes);
  return tileNodeReader(h, new Map([...tiles].map(([k, t]) => [k, t.hashes])));
}
