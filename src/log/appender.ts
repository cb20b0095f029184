import { compactRoot, compactTreeAt, rootPlan, type Hasher } from '../core/merkle/index.js';
import type { LedgerEvent } from '../core/ledger/ledger-event.js';
import type { LogStore, RawRow } from '../store/log-store.js';
import { leafHashInput } from './leaf-bytes.js';
import { loadTiles } from './stored-tiles.js';
import { tileBuilder, type TileBuilder } from './tile-builder.js';
import { edgeTiles, tileKeyString } from './tile-layout.js';
import { tileNodeReader } from './tile-reader.js';

/** The leaf hash input (0x00 ‖ canonical bytes, leaf-bytes.ts) of an events row as stored. */
export const leafInputOfRow = (r: RawRow): Uint8Array =>
  leafHashInput({ seq: Number(r.seq), recordedAt: Number(r.recorded_at), actor: String(r.actor), event: JSON.parse(String(r.payload)) as LedgerEvent });

export interface Appender {
  /** Appends every stored event the tree does not hold yet, a batch per transaction; resolves the tree size. */
  catchUp(): Promise<number>;
}

export interface AppenderOptions {
  /** Events per transaction (default 10,000). */
  readonly batchSize?: number;
}

/**
 * Follows the ledger: reads events after the tree size in seq order, hashes them as leaves, and
 * writes the tiles they change and the new head in one transaction of its own. Idempotent and
 * resumable: the head says where to continue, and a head moved by another appender makes this one
 * reload and carry on from there.
 */
export function logAppender(store: LogStore, h: Hasher, options: AppenderOptions = {}): Appender {
  const batchSize = options.batchSize ?? 10_000;
  let state: TileBuilder | null = null;

  const load = async (): Promise<TileBuilder> => {
    const { size } = await store.head();
    const edge = edgeTiles(size);
    const tiles = await loadTiles(store, rootPlan(size), edge);
    const tree = compactTreeAt(tileNodeReader(h, new Map([...tiles].map(([k, t]) => [k, t.hashes]))), size);
    return tileBuilder(tree, edge.flatMap((k) => tiles.get(tileKeyString(k)) ?? []));
  };

  const step = async (): Promise<{ readonly size: number; readonly more: boolean }> => {
    const builder = state ?? (state = await load());
    const size = builder.tree().size;
    const rows = await store.eventRows(size + 1, batchSize);
    if (rows.length === 0) return { size, more: false };
    const inputs = rows.map((r, i) => {
      if (Number(r.seq) !== size + 1 + i) throw new Error(`the ledger has no event ${size + 1 + i} (next stored is ${String(r.seq)}): the log cannot append past a gap`);
      return leafInputOfRow(r);
    });
    const tiles = builder.appendInputs(h, inputs);
    const tree = builder.tree();
    if (!(await store.commitAppend(size, { size: tree.size, root: compactRoot(h, tree) }, tiles))) {
      state = null; // another appender got there first: continue from what it wrote
      return { size, more: true };
    }
    return { size: tree.size, more: rows.length === batchSize };
  };

  return {
    catchUp: async () => {
      try {
        for (;;) {
          const { size, more } = await step();
          if (!more) return size;
        }
      } catch (error) {
        state = null; // the in-memory edge may be ahead of the store: never reuse it
        throw error;
      }
    },
  };
}
