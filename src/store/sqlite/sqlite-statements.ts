import type Database from 'better-sqlite3';
import type { Value } from '../columns.js';

/** What a sent statement must change per row, and the error when a row changes otherwise. */
export interface Expectation {
  readonly changes: number;
  readonly error: (row: number) => Error;
}

/** One SQLite connection with its prepared statements, compiled once and reused. */
export interface SqliteStatements {
  all(sql: string, ...params: readonly Value[]): Record<string, unknown>[];
  get(sql: string, ...params: readonly Value[]): Record<string, unknown> | undefined;
  run(sql: string, ...params: readonly Value[]): number;
  /**
   * Runs `sql` once per row, in order, without answering: on the writer's thread it may still be
   * running when this returns. A failure, or a row changing other than `expect.changes` rows, fails
   * the transaction (at the latest, its commit).
   */
  send(sql: string, rows: readonly (readonly Value[])[], expect?: Expectation): void;
}

/** Statements on a connection of this thread: `send` runs at once and throws at once. */
export function sqliteStatements(db: Database.Database): SqliteStatements {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    all: (sql, ...params) => prepare(sql).all(...params) as Record<string, unknown>[],
    get: (sql, ...params) => prepare(sql).get(...params) as Record<string, unknown> | undefined,
    run: (sql, ...params) => prepare(sql).run(...params).changes,
    send: (sql, rows, expect) => {
      const statement = prepare(sql);
      rows.forEach((row, i) => {
        const changes = statement.run(...row).changes;
        if (expect && changes !== expect.changes) throw expect.error(i);
      });
    },
  };
}

/** Binds a list as one parameter: `x in (select value from json_each(?))` keeps one statement for any length. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);
