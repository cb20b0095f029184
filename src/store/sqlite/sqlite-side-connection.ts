import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SqlValue } from '../service-sql.js';
import { isSqliteBusy } from './sqlite-busy.js';

/** A connection of its own to the ledger's SQLite file, for the tables of one side store. */
export interface SqliteSideConnection {
  readonly path: string;
  readonly db: Database.Database;
  /** Each SQL text is prepared once per connection. */
  prepare(sql: string): Database.Statement;
  /**
   * Runs `f` (synchronous, possibly a whole transaction). While another connection holds the lock it is
   * retried after a short asynchronous wait, so the event loop never stalls on it; a transaction `f`
   * left open is rolled back first.
   */
  retrying<T>(f: () => T): Promise<T>;
}

export interface SideConnectionOptions {
  readonly synchronous: 'FULL' | 'NORMAL';
  /** WAL pages before SQLite checkpoints by itself; SQLite's default when absent. */
  readonly walAutocheckpoint?: number;
  readonly busyRetries: number;
  /** Milliseconds to wait before the given retry. */
  readonly busyWait: (attempt: number) => number;
  readonly migrate: (db: Kysely<unknown>) => Promise<void>;
}

/** Parameters as better-sqlite3 binds them: lists travel as JSON text (read back with json_each). */
export const bindSql = (params: readonly SqlValue[]): (string | number | null)[] =>
  params.map((p) => (Array.isArray(p) ? JSON.stringify(p) : (p as string | number | null)));

/** Opens (creating its directory) the file in WAL mode with a short lock wait, and migrates the side store's tables. */
export async function openSqliteSideConnection(file: string, options: SideConnectionOptions): Promise<SqliteSideConnection> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('busy_timeout = 20');
  if (options.walAutocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${options.walAutocheckpoint}`);
  await options.migrate(new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }));
  const statements = new Map<string, Database.Statement>();
  return {
    path,
    db,
    prepare: (sql) => {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.prepare(sql)));
      return s;
    },
    retrying: async (f) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return f();
        } catch (error) {
          if (db.inTransaction) db.exec('rollback');
          if (!isSqliteBusy(error) || attempt >= options.busyRetries) throw error;
          await sleep(options.busyWait(attempt));
        }
      }
    },
  };
}
