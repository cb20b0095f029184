import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Store } from '../store.js';
import { headFromRow } from '../slots.js';
import { postgresReadTx } from './postgres-read-tx.js';
import { postgresClientStatements, postgresStatements } from './postgres-statements.js';
import { postgresWriteTx } from './postgres-write-tx.js';
import { openPostgresPool } from './postgres-pool.js';

const RETRIES = 5;
/** serialization_failure, deadlock_detected: the transaction did nothing and may simply run again. */
const TRANSIENT = new Set(['40001', '40P01']);
const isTransient = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && TRANSIENT.has(String(e.code));

/**
 * Every statement of a write transaction reads or writes rows by key (subject ids, refs, seqs), often a
 * thousand keys at once. During bulk imports the tables grow faster than statistics are refreshed,
 * and the planner then scans whole tables or indexes for such lists, or starts parallel workers or JIT
 * compilation to do so; here it must probe the indexes, in this process.
 */
const KEYED_PLANS = `select set_config('enable_seqscan', 'off', true), set_config('enable_mergejoin', 'off', true),
  set_config('enable_hashjoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
  set_config('jit', 'off', true)`;

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/**
 * Opens a PostgreSQL database through a pg pool. Every write transaction first locks the single
 * ledger_head row, so writers are serialized (which is what makes the sequence gapless: a rollback
 * releases the numbers it took); reads run in parallel on repeatable-read, read-only snapshots.
 */
export async function openPostgresStore(url: string, options: { readonly poolSize?: number } = {}): Promise<Store> {
  const { pool, kysely: db } = await openPostgresPool(url, options.poolSize ?? 10, (k) => migrateToLatest(k, 'postgres'));

  return {
    dialect: 'postgres',
    location: redact(url),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      .execute((trx) => fn(postgresReadTx(postgresStatements(trx)))),
    write: async (fn) => {
      for (let attempt = 1; ; attempt += 1) {
        // Its own pooled client rather than a Kysely transaction: appends go by COPY on that connection.
        const client = await pool.connect();
        const s = postgresClientStatements(client);
        let lost = false;
        try {
          await s.run('begin');
          await s.get(KEYED_PLANS);
          const row = await s.get('select * from ledger_head where id = 1 for update');
          if (!row) throw new Error('ledger_head row missing: the database was not migrated');
          const tx = postgresWriteTx(s, headFromRow(row));
          const result = await fn(tx);
          await tx.finish();
          await s.end('commit');
          return result;
        } catch (error) {
          // After the statements still queued; a connection that cannot even roll back is dropped from the pool.
          lost = await s.end('rollback').then(() => false, () => true);
          if (!isTransient(error) || attempt >= RETRIES) throw error;
        } finally {
          client.release(lost);
        }
      }
    },
    close: () => db.destroy(),
  };
}
