import type { LogStore } from '../log-store.js';
import { checkpointFromRow, headFromRow, LOG_SQL, rawRow, tileFromRow } from '../log-sql.js';
import { migrateLogToLatest } from '../migrations/migrate-log-to-latest.js';
import { numbered, openPostgresPool } from './postgres-pool.js';

const bytes = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
type Row = Record<string, unknown>;
const TILES_PER_STATEMENT = 500;

/**
 * The log's tables in the ledger's PostgreSQL database, on a pool of its own. Appends and checkpoints
 * lock the log_head row first, so concurrent appenders (server and CLI) serialize and one of them
 * finds the head moved; snapshot reads use repeatable read.
 */
export async function openPostgresLogStore(url: string, options: { readonly poolSize?: number } = {}): Promise<LogStore> {
  const { pool, kysely } = await openPostgresPool(url, options.poolSize ?? 4, (k) => migrateLogToLatest(k, 'postgres'));
  const query = async (sql: string, params: readonly unknown[]): Promise<Row[]> => (await pool.query(numbered(sql), [...params])).rows as Row[];
  const transaction = async <T>(f: (q: typeof query) => Promise<T>, mode = 'read write'): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(`begin isolation level ${mode === 'read only' ? 'repeatable read read only' : 'read committed'}`);
      const result = await f(async (sql, params) => (await client.query(numbered(sql), [...params])).rows as Row[]);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const lockedHead = async (q: typeof query) => headFromRow((await q(`${LOG_SQL.head} for update`, []))[0]);

  return {
    dialect: 'postgres',
    head: async () => headFromRow((await query(LOG_SQL.head, []))[0]),
    tiles: async (keys) => {
      if (keys.length === 0) return [];
      const rows = await query(
        'select t.level, t.idx, t.hashes from log_tiles t join unnest(?::int[], ?::bigint[]) as k(level, idx) on t.level = k.level and t.idx = k.idx',
        [keys.map((k) => k.level), keys.map((k) => k.index)],
      );
      return rows.map(tileFromRow);
    },
    tileRange: async (level, from, count) => (await query(LOG_SQL.tileRange, [level, from, from + count])).map(tileFromRow),
    commitAppend: (expected, head, tiles) => transaction(async (q) => {
      if ((await lockedHead(q)).size !== expected) return false;
      for (let i = 0; i < tiles.length; i += TILES_PER_STATEMENT) {
        const chunk = tiles.slice(i, i + TILES_PER_STATEMENT);
        await q(
          `insert into log_tiles (level, idx, hashes) values ${chunk.map(() => '(?, ?, ?)').join(', ')}
           on conflict (level, idx) do update set hashes = excluded.hashes`,
          chunk.flatMap((t) => [t.level, t.index, bytes(t.hashes)]),
        );
      }
      await q(LOG_SQL.moveHead, [head.size, bytes(head.root)]);
      return true;
    }),
    latestCheckpoint: async () => {
      const [r] = await query(LOG_SQL.latestCheckpoint, []);
      return r ? checkpointFromRow(r) : undefined;
    },
    checkpoint: async (size) => {
      const [r] = await query(LOG_SQL.checkpoint, [size]);
      return r ? checkpointFromRow(r) : undefined;
    },
    // The head lock orders concurrent signers, so a smaller size can never land after a larger one.
    addCheckpoint: (c) => transaction(async (q) => {
      await lockedHead(q);
      const rows = await q(`${LOG_SQL.addCheckpoint} returning size`, [c.size, bytes(c.root), c.note, c.signedAt, c.size, c.size]);
      return rows.length === 1;
    }),
    eventRows: async (fromSeq, limit) => (await query(LOG_SQL.eventRows, [fromSeq, limit])).map(rawRow),
    subjectRows: (afterId, limit) => transaction(async (q) => {
      const subjects = afterId === null ? await q(LOG_SQL.subjectsFirst, [limit]) : await q(LOG_SQL.subjectsAfter, [afterId, limit]);
      const records = await q('select * from records where subject_id = any(?::text[]) order by subject_id, seq', [subjects.map((s) => String(s.id))]);
      return { subjects: subjects.map(rawRow), records: records.map(rawRow) };
    }, 'read only'),
    close: () => kysely.destroy(),
  };
}
