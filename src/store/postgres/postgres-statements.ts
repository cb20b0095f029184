import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Value } from '../columns.js';
import { copyManyFrom, copyText } from './copy-from.js';

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
  /**
   * Ends the transaction with `commit` or `rollback` after every statement issued before it, and
   * refuses any issued after: a rollback sent past statements still queued would leave them to run
   * after it, each committing on its own. Throws when a commit ended in a rollback.
   */
  end(statement: 'commit' | 'rollback'): Promise<void>;
}

interface CopyJob {
  readonly sql: string;
  readonly data: Buffer;
  resolve(rows: number): void;
  reject(error: unknown): void;
}
/** A queued statement: a COPY, or any other statement as a function that runs it and settles its caller. */
type Job = CopyJob | (() => Promise<void>);

/**
 * Statements on one client, in call order. A caller may issue several without awaiting each (the
 * ledger sends a slice while it prepares the next): each is handed to pg once the one before it
 * has ended, so pg never holds a queue of its own (which it deprecates). COPYs that queued up
 * behind a running statement go together as one query, so a caller that issues faster than the
 * server answers costs one round trip per catch-up, not one per COPY.
 */
export function postgresClientStatements(client: pg.ClientBase): PostgresWriteStatements {
  const jobs: Job[] = [];
  let busy = false;
  const next = (): void => {
    const job = jobs.shift();
    busy = job !== undefined;
    if (job === undefined) return;
    if (typeof job === 'function') {
      void job().finally(next);
      return;
    }
    const copies = [job];
    for (let more = jobs[0]; more !== undefined && typeof more !== 'function'; more = jobs[0]) {
      jobs.shift();
      copies.push(more);
    }
    // Those before a failed one are done; the failed one and those after it get its error.
    void copyManyFrom(client, copies).then(
      ({ rows, error }) => copies.forEach((c, i) => (i < rows.length ? c.resolve(rows[i] ?? 0) : c.reject(error))),
      (error: unknown) => copies.forEach((c) => c.reject(error)),
    ).finally(next);
  };
  let ended = false;
  const enqueue = (job: Job): void => {
    jobs.push(job);
    if (!busy) next();
  };
  const exec = (sql: string, params: readonly unknown[]): Promise<pg.QueryResult<Record<string, unknown>>> => new Promise((resolve, reject) => {
    if (ended) reject(new Error(`the transaction has ended; not run: ${sql.slice(0, 60)}`));
    else enqueue(() => client.query<Record<string, unknown>>(sql, [...params]).then(resolve, reject));
  });
  return {
    all: async (sql, ...params) => (await exec(sql, params)).rows,
    get: async (sql, ...params) => (await exec(sql, params)).rows[0],
    run: async (sql, ...params) => (await exec(sql, params)).rowCount ?? 0,
    copy: (table, columns, rows) => {
      if (ended) return Promise.reject(new Error(`the transaction has ended; no rows copied into ${table}`));
      const data = copyText(rows);
      return new Promise((resolve, reject) => enqueue({ sql: `copy ${table} (${columns.join(', ')}) from stdin`, data, resolve, reject }));
    },
    end: async (statement) => {
      const done = exec(statement, []);
      ended = true;
      // PostgreSQL answers a commit of a failed transaction with ROLLBACK, not with an error.
      const { command } = await done;
      if (command.toLowerCase() !== statement) throw new Error(`the transaction ended in ${command} instead of ${statement.toUpperCase()}`);
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
