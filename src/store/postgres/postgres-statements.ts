import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Value } from '../columns.js';
import { copyFrom, copyText } from './copy-from.js';

/** Plain SQL with $n parameters over one Kysely transaction (SQL text is written here, not built per row). */
export interface PostgresStatements {
  all(sql: string, ...params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  get(sql: string, ...params: readonly unknown[]): Promise<Record<string, unknown> | undefined>;
  run(sql: string, ...params: readonly unknown[]): Promise<number>;
}

export function postgresStatements(trx: Transaction<unknown> | Kysely<unknown>): PostgresStatements {
  const exec = (sql: string, params: readonly unknown[]) => trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, [...params]));
  return {
    all: async (sql, ...params) => [...(await exec(sql, params)).rows],
    get: async (sql, ...params) => (await exec(sql, params)).rows[0],
    run: async (sql, ...params) => Number((await exec(sql, params)).numAffectedRows ?? 0n),
  };
}

/** A write transaction's statements on its own pooled client, with COPY for rows that only append. */
export interface PostgresWriteStatements extends PostgresStatements {
  /** Appends the rows with `COPY table (columns) FROM STDIN`; resolves the number of rows copied. */
  copy(table: string, columns: readonly string[], rows: readonly (readonly Value[])[]): Promise<number>;
}

/**
 * Statements on one client, in call order. A caller may issue several without awaiting each (the
 * ledger sends a slice while it prepares the next): each is handed to pg once the one before it
 * has ended, so pg never holds a queue of its own (which it deprecates).
 */
export function postgresClientStatements(client: pg.ClientBase): PostgresWriteStatements {
  let tail: Promise<unknown> = Promise.resolve();
  /** Statements issued and not yet ended: with none, the next starts at once. */
  let open = 0;
  const queued = <T>(start: () => Promise<T>): Promise<T> => {
    const next = open === 0 ? start() : tail.then(start);
    open += 1;
    tail = next.then(() => undefined, () => undefined).finally(() => {
      open -= 1;
    });
    return next;
  };
  const exec = (sql: string, params: readonly unknown[]) => queued(() => client.query<Record<string, unknown>>(sql, [...params]));
  return {
    all: async (sql, ...params) => (await exec(sql, params)).rows,
    get: async (sql, ...params) => (await exec(sql, params)).rows[0],
    run: async (sql, ...params) => (await exec(sql, params)).rowCount ?? 0,
    copy: (table, columns, rows) => {
      const data = copyText(rows);
      return queued(() => copyFrom(client, `copy ${table} (${columns.join(', ')}) from stdin`, [data]));
    },
  };
}

/** Transposes rows into one array per column, for `insert ... select * from unnest($1::t[], ...)`. */
export function columnsOf(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i += 1) columns[i]?.push(row[i]);
  return columns;
}

/** `unnest($1::text[], $2::bigint[], ...)` for the given column types. */
export const unnestOf = (types: readonly string[]): string => `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
