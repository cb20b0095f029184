import type Database from 'better-sqlite3';
import type { Value } from '../columns.js';

/** One better-sqlite3 connection with its prepared statements, compiled once and reused. */
export interface SqliteStatements {
  readonly db: Database.Database;
  all(sql: string, ...params: readonly Value[]): Record<string, unknown>[];
  get(sql: string, ...params: readonly Value[]): Record<string, unknown> | undefined;
  run(sql: string, ...params: readonly Value[]): number;
}

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
    db,
    all: (sql, ...params) => prepare(sql).all(...params) as Record<string, unknown>[],
    get: (sql, ...params) => prepare(sql).get(...params) as Record<string, unknown> | undefined,
    run: (sql, ...params) => prepare(sql).run(...params).changes,
  };
}

/** Binds a list as one parameter: `x in (select value from json_each(?))` keeps one statement for any length. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);
