import { migrateServiceToLatest } from '../migrations/migrate-service-to-latest.js';
import type { SqlExec, SqlValue } from '../service-sql.js';
import type { ServiceStore } from '../service-store.js';
import { serviceStoreOver } from '../service-store-over.js';
import { numbered, openPostgresPool } from './postgres-pool.js';


/** The service tables in the same PostgreSQL database as the ledger, on a pool of their own. */
export async function openPostgresServiceStore(url: string, options: { readonly poolSize?: number } = {}): Promise<ServiceStore> {
  const { pool, kysely } = await openPostgresPool(url, options.poolSize ?? 10, (k) => migrateServiceToLatest(k, 'postgres'));
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
