import Database from 'better-sqlite3';
import pg from 'pg';
import { sqlitePath } from '../../../src/store/open-log-store.js';
import { int8AsNumber, numbered } from '../../../src/store/postgres/postgres-pool.js';

export type RawValue = string | number | null | Buffer;
export type RawDbRow = Record<string, RawValue>;

/** Direct SQL on the registry's database, as an attacker with database access has it. `?` placeholders. */
export interface RawDb {
  all(sql: string, params?: readonly RawValue[]): Promise<RawDbRow[]>;
  run(sql: string, params?: readonly RawValue[]): Promise<number>;
  close(): Promise<void>;
}

export async function openRawDb(url: string): Promise<RawDb> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(sqlitePath(url));
    db.pragma('busy_timeout = 5000');
    return {
      all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...params) as RawDbRow[]),
      run: (sql, params = []) => Promise.resolve(db.prepare(sql).run(...params).changes),
      close: () => Promise.resolve(void db.close()),
    };
  }
  const client = new pg.Client({ connectionString: url, types: int8AsNumber });
  await client.connect();
  return {
    all: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rows as RawDbRow[],
    run: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
    close: () => client.end(),
  };
}
