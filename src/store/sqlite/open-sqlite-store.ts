import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { serialQueue } from '../serial-queue.js';
import type { Store } from '../store.js';
import { sqliteHead, sqliteReadTx } from './sqlite-read-tx.js';
import { sqliteStatements } from './sqlite-statements.js';
import { sqliteWriteTx } from './sqlite-write-tx.js';

const BUSY_RETRIES = 5;

function connect(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  // Checkpoint the WAL into the database every ~64 MB rather than every 4 MB: fewer syncs of the main file.
  db.pragma('wal_autocheckpoint = 16384');
  return db;
}

const isBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');

/**
 * Opens (creating if needed) a SQLite database file: one writer connection, one reader connection
 * (WAL lets reads proceed while a write is open). Transactions on each are queued, never interleaved.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const writer = connect(path);
  // Kysely runs the migrations; the hot path below uses cached better-sqlite3 statements directly.
  await migrateToLatest(new Kysely<unknown>({ dialect: new SqliteDialect({ database: writer }) }), 'sqlite');
  const reader = connect(path);
  const w = sqliteStatements(writer);
  const r = sqliteStatements(reader);
  const writeQueue = serialQueue();
  const readQueue = serialQueue();
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error(`the store at ${path} is closed`);
  };

  return {
    dialect: 'sqlite',
    location: path,
    read: (fn) => readQueue(async () => {
      open();
      reader.exec('begin');
      try {
        return await fn(sqliteReadTx(r));
      } finally {
        reader.exec('commit');
      }
    }),
    write: (fn) => writeQueue(async () => {
      for (let attempt = 1; ; attempt += 1) {
        open();
        try {
          writer.exec('begin immediate');
          const tx = sqliteWriteTx(w, sqliteHead(w));
          const result = await fn(tx);
          tx.finish();
          writer.exec('commit');
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec('rollback');
          if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
        }
      }
    }),
    close: async () => {
      await Promise.all([writeQueue(() => Promise.resolve()), readQueue(() => Promise.resolve())]);
      if (closed) return;
      closed = true;
      reader.close();
      writer.close();
    },
  };
}
