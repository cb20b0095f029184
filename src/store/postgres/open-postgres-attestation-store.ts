import type { AttestationStore } from '../attestation-store.js';
import { attestationStoreOver } from '../attestation-store-over.js';
import { migrateAttestationsToLatest } from '../migrations/migrate-attestations-to-latest.js';
import type { SqlValue } from '../service-sql.js';
import { numbered, openPostgresPool } from './postgres-pool.js';


/** The attestation table in the ledger's PostgreSQL database, on a small pool of its own (issuing is rare). */
export async function openPostgresAttestationStore(url: string, options: { readonly poolSize?: number } = {}): Promise<AttestationStore> {
  const { pool, kysely } = await openPostgresPool(url, options.poolSize ?? 4, (k) => migrateAttestationsToLatest(k, 'postgres'));
  const values = (params: readonly SqlValue[]): unknown[] => params.map((p) => (Array.isArray(p) ? [...p] : p));
  return attestationStoreOver({
    dialect: 'postgres',
    all: async (sql, params) => (await pool.query(numbered(sql), values(params))).rows as Record<string, unknown>[],
    run: async (sql, params) => (await pool.query(numbered(sql), values(params))).rowCount ?? 0,
    close: () => kysely.destroy(),
  });
}
