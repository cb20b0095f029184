import type { LogStore } from '../log-store.js';
import { checkpointFromRow, headFromRow, LOG_SQL, rawRow, tileFromRow } from '../log-sql.js';
import { migrateLogToLatest } from '../migrations/migrate-log-to-latest.js';
import { serialQueue } from '../serial-queue.js';
import { openSqliteSideConnection } from './sqlite-side-connection.js';

const blob = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
type Row = Record<string, unknown>;

/**
 * The log's tables in the ledger's SQLite file, on a connection of its own. Every transaction runs
 * synchronously from begin to commit, and a busy database is retried asynchronously after a short
 * wait, so the log never holds the event loop while the ledger's writer (same process) holds the lock.
 */
export async function openSqliteLogStore(file: string): Promise<LogStore> {
  const { db, prepare: st, retrying } = await openSqliteSideConnection(file, {
    // NORMAL: no sync per commit. The log is derived from the (durable) ledger: a commit lost to a power
    // failure rolls back whole, and the appender recomputes the same tiles, root and signature.
    synchronous: 'NORMAL', walAutocheckpoint: 16384, busyRetries: 500, busyWait: (attempt) => Math.min(20, attempt),
    migrate: (k) => migrateLogToLatest(k, 'sqlite'),
  });
  const queue = serialQueue();
  /** Runs `f` (synchronous, possibly a whole transaction) on the queue, retrying while the file is locked. */
  const run = <T>(f: () => T): Promise<T> => queue(() => retrying(f));
  const inTransaction = <T>(mode: 'deferred' | 'immediate', f: () => T): T => {
    db.exec(mode === 'immediate' ? 'begin immediate' : 'begin');
    const result = f();
    db.exec('commit');
    return result;
  };
  let closed = false;

  return {
    dialect: 'sqlite',
    head: () => run(() => headFromRow(st(LOG_SQL.head).get() as Row | undefined)),
    tiles: (keys) => run(() => inTransaction('deferred', () => keys.flatMap((k) => {
      const r = st('select level, idx, hashes from log_tiles where level = ? and idx = ?').get(k.level, k.index) as Row | undefined;
      return r ? [tileFromRow(r)] : [];
    }))),
    tileRange: (level, from, count) => run(() => (st(LOG_SQL.tileRange).all(level, from, from + count) as Row[]).map(tileFromRow)),
    commitAppend: (expected, head, tiles) => run(() => inTransaction('immediate', () => {
      if (headFromRow(st(LOG_SQL.head).get() as Row | undefined).size !== expected) return false;
      const upsert = st(LOG_SQL.upsertTile);
      for (const t of tiles) upsert.run(t.level, t.index, blob(t.hashes));
      st(LOG_SQL.moveHead).run(head.size, blob(head.root));
      return true;
    })),
    latestCheckpoint: () => run(() => {
      const r = st(LOG_SQL.latestCheckpoint).get() as Row | undefined;
      return r ? checkpointFromRow(r) : undefined;
    }),
    checkpoint: (size) => run(() => {
      const r = st(LOG_SQL.checkpoint).get(size) as Row | undefined;
      return r ? checkpointFromRow(r) : undefined;
    }),
    addCheckpoint: (c) => run(() => st(LOG_SQL.addCheckpoint).run(c.size, blob(c.root), c.note, c.signedAt, c.size, c.size).changes === 1),
    eventRows: (fromSeq, limit) => run(() => (st(LOG_SQL.eventRows).all(fromSeq, limit) as Row[]).map(rawRow)),
    subjectRows: (afterId, limit) => run(() => inTransaction('deferred', () => {
      const subjects = (afterId === null ? st(LOG_SQL.subjectsFirst).all(limit) : st(LOG_SQL.subjectsAfter).all(afterId, limit)) as Row[];
      const ids = JSON.stringify(subjects.map((s) => s.id));
      const records = st('select * from records where subject_id in (select value from json_each(?)) order by subject_id, seq').all(ids) as Row[];
      return { subjects: subjects.map(rawRow), records: records.map(rawRow) };
    })),
    close: () => queue(() => {
      if (!closed) {
        closed = true;
        db.close();
      }
      return Promise.resolve();
    }),
  };
}
