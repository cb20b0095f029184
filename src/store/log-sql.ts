import type { CheckpointRow, LogHeadRow, LogTileRow, RawRow } from './log-store.js';

// Statements shared by both dialects, with `?` placeholders (PostgreSQL numbers them).

type Row = Readonly<Record<string, unknown>>;

const bytesOf = (v: unknown): Uint8Array => {
  if (v instanceof Uint8Array) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw new TypeError('expected a binary column');
};

export const LOG_SQL = {
  head: 'select size, root from log_head where id = 1',
  moveHead: 'update log_head set size = ?, root = ? where id = 1',
  upsertTile: 'insert into log_tiles (level, idx, hashes) values (?, ?, ?) on conflict (level, idx) do update set hashes = excluded.hashes',
  tileRange: 'select level, idx, hashes from log_tiles where level = ? and idx >= ? and idx < ? order by idx',
  latestCheckpoint: 'select * from log_checkpoints order by size desc limit 1',
  checkpoint: 'select * from log_checkpoints where size = ?',
  /** One statement: refuses a size at or below the last one, and a size the tiles do not hold. */
  addCheckpoint: `insert into log_checkpoints (size, root, note, signed_at) select ?, ?, ?, ?
    where not exists (select 1 from log_checkpoints where size >= ?) and ? <= (select size from log_head where id = 1)`,
  eventRows: 'select * from events where seq >= ? order by seq limit ?',
  subjectsFirst: 'select * from subjects order by id limit ?',
  subjectsAfter: 'select * from subjects where id > ? order by id limit ?',
} as const;

export const headFromRow = (r: Row | undefined): LogHeadRow =>
  ({ size: Number(r?.size ?? 0), root: r?.root === null || r?.root === undefined ? null : bytesOf(r.root) });

export const tileFromRow = (r: Row): LogTileRow => ({ level: Number(r.level), index: Number(r.idx), hashes: bytesOf(r.hashes) });

export const checkpointFromRow = (r: Row): CheckpointRow =>
  ({ size: Number(r.size), root: bytesOf(r.root), note: String(r.note), signedAt: Number(r.signed_at) });

/** Raw rows keep every column; numbers stay numbers and text stays text on both dialects. */
export const rawRow = (r: Row): RawRow => {
  const out: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(r)) out[k] = v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : String(v);
  return out;
};
