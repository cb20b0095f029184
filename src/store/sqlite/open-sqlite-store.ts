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
import { sqliteWriter } from './sqlite-writer.js';
import { isSqliteBusy } from './sqlite-busy.js';

const BUSY_RETRIES = 5;

const PRAGMAS = [
  'journal_mode = WAL',
  // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss.
  'synchronous = FULL',
  'busy_timeout = 10000',
  'foreign_keys = ON',
  'cache_size = -65536',
  // Checkpoint the WAL into the database every ~64 MB rather than every 4 MB: fewer syncs of the main file.
  'wal_autocheckpoint = 16384',
];

function connect(path: string): Database.Database {
  const db = new Database(path);
  for (const p of PRAGMAS) db.pragma(p);
  return db;
}

/**
 * Opens (creating if needed) a SQLite database file: one writer connection, on a thread of its own so
 * that its inserts and syncs run while this thread prepares the next, and one reader connection (WAL
 * lets reads proceed while a write is open). Transactions on each are queued, never interleaved.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  // Kysely runs the migrations; the hot path below uses cached better-sqlite3 statements directly.
  const migrator = connect(path);
  try {
    await migrateToLatest(new Kysely<unknown>({ dialect: new SqliteDialect({ database: migrator }) }), 'sqlite');
  } finally {
    migrator.close();
  }
  const writer = sqliteWriter(path, PRAGMAS);
  const reader = connect(path);
  const r = sqliteStatements(reader);
  // The read queries hold no state of their own: one set serves every read transaction.
  const readTx = sqliteReadTx(r);
  // Prepared once: `exec` would compile them again for every read (one per group of checks).
  const begin = reader.prepare('begin');
  const commit = reader.prepare('commit');
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
      begin.run();
      try {
        return await fn(readTx);
      } finally {
        commit.run();
      }
    }),
    write: (fn) => writeQueue(async () => {
      for (let attempt = 1; ; attempt += 1) {
        open();
        try {
          writer.exec('begin immediate');
          const tx = sqliteWriteTx(writer, sqliteHead(writer));
          const result = await fn(tx);
          tx.finish();
          await writer.commit();
          return result;
        } catch (error) {
          writer.rollback();
          if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
        }
      }
    }),
    close: async () => {
      await Promise.all([writeQueue(() => Promise.resolve()), readQueue(() => Promise.resolve())]);
      if (closed) return;
      closed = true;
      reader.close();
      await writer.close();
    },
  };
}
