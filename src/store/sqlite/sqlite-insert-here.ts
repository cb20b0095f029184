import Database from 'better-sqlite3';
import { sqliteStatements } from './sqlite-statements.js';
import { isSqliteBusy } from './sqlite-busy.js';

export interface InsertHere {
  /**
   * Inserts the rows in one transaction on this thread, committed without a sync: true once
   * committed, false (nothing written) when another connection holds the write lock. Throws if a
   * row is refused (nothing written either).
   */
  tryInsert(sql: string, rows: readonly (readonly (string | number | null)[])[]): boolean;
  close(): void;
}

/**
 * A connection on the event loop's thread for short batches: it never waits for the write lock
 * (busy_timeout 0), so the loop is never held up by another writer; the caller hands a batch it
 * could not write to a thread that may wait. A commit here saves the round trip to that thread.
 */
export function sqliteInsertHere(path: string): InsertHere {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 0');
  db.pragma('wal_autocheckpoint = 0');
  const statements = sqliteStatements(db);
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  const rollback = db.prepare('rollback');
  return {
    tryInsert: (sql, rows) => {
      try {
        begin.run();
      } catch (error) {
        if (isSqliteBusy(error)) return false;
        throw error;
      }
      try {
        statements.send(sql, rows);
        commit.run();
        return true;
      } catch (error) {
        if (db.inTransaction) rollback.run();
        if (isSqliteBusy(error)) return false;
        throw error;
      }
    },
    close: () => db.close(),
  };
}
