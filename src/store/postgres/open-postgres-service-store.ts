import { migrateServiceToLatest } from '../migrations/migrate-service-to-latest.js';
import type { SqlExec, SqlValue } from '../service-sql.js';
import type { ServiceStore } from '../service-store.js';
import { serviceStoreOver } from '../service-store-over.js';
import { numbered, openPostgresPool } from './postgres-pool.js';

/** The protocol counts a statement's parameters in 16 bits: at most 65,535. */
const MAX_PARAMETERS = 65_535;

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
      const statement = (n: number): string => `insert into ${table} (${columns.join(', ')}) values `
        + Array.from({ length: n }, (_, i) => `(${columns.map((__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      const per = Math.floor(MAX_PARAMETERS / width);
      // One statement is one transaction: the rows commit together, durably (synchronous_commit on).
      if (rows.length <= per) {
        await pool.query(statement(rows.length), rows.flatMap((r) => values(r)));
        return;
      }
      // More rows than one statement may bind: several statements in one transaction.
      const client = await pool.connect();
      let failed = false;
      try {
        await client.query('begin');
        for (let i = 0; i < rows.length; i += per) {
          const slice = rows.slice(i, i + per);
          await client.query(statement(slice.length), slice.flatMap((r) => values(r)));
        }
        await client.query('commit');
      } catch (error) {
        failed = await client.query('rollback').then(() => false, () => true);
        throw error;
      } finally {
        client.release(failed);
      }
    },
    close: () => kysely.destroy(),
  };
  return serviceStoreOver(exec);
}
