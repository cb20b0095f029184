import type { Instant } from '../core/brand.js';
import type { StoreDialect } from './store.js';

/** How far the log's tiles reach: the tree size they hold and its root (null for the empty tree). */
export interface LogHeadRow {
  readonly size: number;
  readonly root: Uint8Array | null;
}

/** One tile of the Merkle tree: tile level, index within the level, and its hashes (src/log/tile-layout.ts). */
export interface LogTileRow {
  readonly level: number;
  readonly index: number;
  readonly hashes: Uint8Array;
}

/** A signed checkpoint (C2SP signed note) over the first `size` leaves. */
export interface CheckpointRow {
  readonly size: number;
  readonly root: Uint8Array;
  readonly note: string;
  readonly signedAt: Instant;
}

/** A table row exactly as stored, column by column: what an auditor compares with its replay. */
export type RawRow = Readonly<Record<string, string | number | null>>;

/**
 * The transparency log's tables (tiles, head, checkpoints) beside the ledger, plus raw, read-only
 * views of the ledger's own tables for auditors. The log follows the ledger in its own transactions.
 */
export interface LogStore {
  readonly dialect: StoreDialect;
  head(): Promise<LogHeadRow>;
  /** The stored tiles among `keys`; keys with no tile are skipped. */
  tiles(keys: readonly { readonly level: number; readonly index: number }[]): Promise<readonly LogTileRow[]>;
  /** Tiles of one level with index in [from, from + count), in index order. */
  tileRange(level: number, from: number, count: number): Promise<readonly LogTileRow[]>;
  /**
   * Writes the tiles and moves the head, in one transaction, if the head is still at `expectedSize`;
   * resolves false, having written nothing, when another appender moved it first.
   */
  commitAppend(expectedSize: number, head: { readonly size: number; readonly root: Uint8Array }, tiles: readonly LogTileRow[]): Promise<boolean>;
  latestCheckpoint(): Promise<CheckpointRow | undefined>;
  checkpoint(size: number): Promise<CheckpointRow | undefined>;
  /**
   * Stores a checkpoint unless one of the same or a larger size exists or the tiles do not hold
   * `size` yet (checked in the same transaction); resolves whether it was stored.
   */
  addCheckpoint(row: CheckpointRow): Promise<boolean>;
  /** Ledger events with seq >= fromSeq, every column as stored, in seq order. */
  eventRows(fromSeq: number, limit: number): Promise<readonly RawRow[]>;
  /** Subjects after `afterId` in id order with all their records, read in one snapshot. */
  subjectRows(afterId: string | null, limit: number): Promise<{ readonly subjects: readonly RawRow[]; readonly records: readonly RawRow[] }>;
  close(): Promise<void>;
}
