import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Store, WriteTx } from '../store.js';
import { headFromRow, type HeadRow } from '../slots.js';
import { postgresReadTx } from './postgres-read-tx.js';
import { postgresClientStatements, postgresStatements, type PostgresWriteStatements } from './postgres-statements.js';
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
const LOCK_HEAD = 'select * from ledger_head where id = 1 for update';

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const sameHead = (a: HeadRow, b: HeadRow): boolean => a.nextSeq === b.nextSeq && a.currentRulebook === b.currentRulebook
  && a.stagingRulebook === b.stagingRulebook && a.slotA === b.slotA && a.slotB === b.slotB;

/**
 * Opens a PostgreSQL database through a pg pool. Every write transaction first locks the single
 * ledger_head row, so writers are serialized (which is what makes the sequence gapless: a rollback
 * releases the numbers it took); reads run in parallel on repeatable-read, read-only snapshots.
 * A write ahead (bulk import) takes that lock only to commit, after checking the head it assumed.
 */
export async function openPostgresStore(url: string, options: { readonly poolSize?: number } = {}): Promise<Store> {
  const { pool, kysely: db } = await openPostgresPool(url, options.poolSize ?? 10, (k) => migrateToLatest(k, 'postgres'));
  /** The head each write transaction has reached, while it is open (until its commit or rollback ends): for the writes ahead of it. */
  const heads = new Map<WriteTx, () => HeadRow>();
  /** Writes ahead not yet settled: a locked write waits for them, whose events would take the same seqs. */
  const ahead = new Set<Promise<unknown>>();
  /** Locked writes waiting for the lock or holding it: none goes ahead of one of them, but of the one it follows. */
  const waiting: object[] = [];
  /** The open transactions of locked writes. */
  const locked = new Set<WriteTx>();

  /** One transaction on its own pooled client (appends go by COPY on that connection); rolled back on failure. */
  async function transaction<T>(fn: (s: PostgresWriteStatements) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const s = postgresClientStatements(client);
    let lost = false;
    try {
      await s.run('begin');
      await s.get(KEYED_PLANS);
      const result = await fn(s);
      await s.end('commit');
      return result;
    } catch (error) {
      // After the statements still queued; a connection that cannot even roll back is dropped from the pool.
      lost = await s.end('rollback').then(() => false, () => true);
      throw error;
    } finally {
      client.release(lost);
    }
  }

  async function lockedWrite<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const ticket = {};
    waiting.push(ticket);
    try {
      await Promise.allSettled([...ahead]);
      for (let attempt = 1; ; attempt += 1) {
        let opened: WriteTx | undefined;
        try {
          return await transaction(async (s) => {
            const row = await s.get(LOCK_HEAD);
            if (!row) throw new Error('ledger_head row missing: the database was not migrated');
            const tx = postgresWriteTx(s, headFromRow(row));
            opened = tx;
            heads.set(tx, tx.currentHead);
            locked.add(tx);
            const result = await fn(tx);
            await tx.finish();
            return result;
          });
        } catch (error) {
          if (!isTransient(error) || attempt >= RETRIES) throw error;
        } finally {
          if (opened) {
            heads.delete(opened);
            locked.delete(opened);
          }
        }
      }
    } finally {
      waiting.splice(waiting.indexOf(ticket), 1);
    }
  }

  async function writeAhead<T>(after: WriteTx, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const assumedOf = heads.get(after);
    const othersLocked = waiting.length - (locked.has(after) ? 1 : 0);
    if (!assumedOf || othersLocked > 0) throw new Error('a write ahead must follow an open write of this store, with no other write waiting');
    const assumed = assumedOf();
    let opened: WriteTx | undefined;
    const run = transaction(async (s) => {
      const tx = postgresWriteTx(s, assumed);
      opened = tx;
      heads.set(tx, tx.currentHead);
      const result = await fn(tx);
      const row = await s.get(LOCK_HEAD);
      if (!row || !sameHead(headFromRow(row), assumed)) throw new Error('the ledger head moved under a write ahead');
      await tx.finish();
      return result;
    }).finally(() => {
      if (opened) heads.delete(opened);
    });
    ahead.add(run);
    try {
      return await run;
    } finally {
      ahead.delete(run);
    }
  }

  return {
    dialect: 'postgres',
    location: redact(url),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      .execute((trx) => fn(postgresReadTx(postgresStatements(trx)))),
    write: lockedWrite,
    writeAhead,
    close: () => db.destroy(),
  };
}
