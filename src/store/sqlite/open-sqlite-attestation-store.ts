import type { AttestationStore } from '../attestation-store.js';
import { attestationStoreOver } from '../attestation-store-over.js';
import { migrateAttestationsToLatest } from '../migrations/migrate-attestations-to-latest.js';
import { bindSql, openSqliteSideConnection } from './sqlite-side-connection.js';

/**
 * The attestation table in the ledger's SQLite file, on a connection of its own. A busy database is
 * retried asynchronously after a short wait, so the ledger's writer never stalls the event loop here.
 */
export async function openSqliteAttestationStore(file: string): Promise<AttestationStore> {
  const { db, prepare, retrying } = await openSqliteSideConnection(file, {
    synchronous: 'FULL', busyRetries: 200, busyWait: (attempt) => Math.min(50, attempt * 2),
    migrate: (k) => migrateAttestationsToLatest(k, 'sqlite'),
  });
  let closed = false;
  return attestationStoreOver({
    dialect: 'sqlite',
    all: (sql, params) => retrying(() => prepare(sql).all(...bindSql(params)) as Record<string, unknown>[]),
    run: (sql, params) => retrying(() => prepare(sql).run(...bindSql(params)).changes),
    close: () => {
      if (!closed) db.close();
      closed = true;
      return Promise.resolve();
    },
  });
}
