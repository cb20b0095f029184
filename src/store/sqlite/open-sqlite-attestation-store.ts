import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AttestationStore } from '../attestation-store.js';
import { attestationStoreOver } from '../attestation-store-over.js';
import { migrateAttestationsToLatest } from '../migrations/migrate-attestations-to-latest.js';
import type { SqlValue } from '../service-sql.js';

const BUSY_RETRIES = 200;
const isBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');

/**
 * The attestation table in the ledger's SQLite file, on a connection of its own. A busy database is
 * retried asynchronously after a short wait, so the ledger's writer never stalls the event loop here.
 */
export async function openSqliteAttestationStore(file: string): Promise<AttestationStore> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 20');
  await migrateAttestationsToLatest(new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }), 'sqlite');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const retrying = async <T>(f: () => T): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return f();
      } catch (error) {
        if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
        await sleep(Math.min(50, attempt * 2));
      }
    }
  };
  const bind = (params: readonly SqlValue[]): (string | number | null)[] => params.map((p) => (Array.isArray(p) ? JSON.stringify(p) : (p as string | number | null)));
  let closed = false;
  return attestationStoreOver({
    dialect: 'sqlite',
    all: (sql, params) => retrying(() => prepare(sql).all(...bind(params)) as Record<string, unknown>[]),
    run: (sql, params) => retrying(() => prepare(sql).run(...bind(params)).changes),
    close: () => {
      if (!closed) db.close();
      closed = true;
      return Promise.resolve();
    },
  });
}
