import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateServiceToLatest } from '../migrations/migrate-service-to-latest.js';
import type { SqlExec, SqlValue } from '../service-sql.js';
import type { ServiceStore } from '../service-store.js';
import { serviceStoreOver } from '../service-store-over.js';

/** int8 as JS numbers: instants in ms stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** `?` placeholders as PostgreSQL's `$1, $2, ...`. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The service tables in the same PostgreSQL database as the ledger, on a pool of their own. */
export async function openPostgresServiceStore(url: string, options: { readonly poolSize?: number } = {}): Promise<ServiceStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  // An idle connection the server closed (restart, shutdown) is dropped by the pool; the next
  // query reports any real problem. Without a listener it would crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateServiceToLatest(kysely, 'postgres');
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  const texts = new Map<string, string>();
  const text = (sql: string): string => {
    let t = texts.get(sql);
    if (t === undefined) {
      t = numbered(sql);
      texts.set(sql, t);
    }
    return t;
  };
  const values = (params: readonly SqlValue[]): unknown[] => params.map((p) => (Array.isArray(p) ? [...p] : p));
  const exec: SqlExec = {
    dialect: 'postgres',
    inList: '= any(?::text[])',
    all: async (sql, params) => (await pool.query(text(sql), values(params))).rows as Record<string, unknown>[],
    run: async (sql, params) => (await pool.query(text(sql), values(params))).rowCount ?? 0,
    insertMany: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const width = columns.length;
      const tuples = rows.map((_, i) => `(${columns.map((__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      // One statement is one transaction: the rows commit together, durably (synchronous_commit on).
      await pool.query(`insert into ${table} (${columns.join(', ')}) values ${tuples}`, rows.flatMap((r) => values(r)));
    },
    close: () => kysely.destroy(),
  };
  return serviceStoreOver(exec);
}
