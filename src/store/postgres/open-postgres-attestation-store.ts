import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AttestationStore } from '../attestation-store.js';
import { attestationStoreOver } from '../attestation-store-over.js';
import { migrateAttestationsToLatest } from '../migrations/migrate-attestations-to-latest.js';
import type { SqlValue } from '../service-sql.js';

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

/** The attestation table in the ledger's PostgreSQL database, on a small pool of its own (issuing is rare). */
export async function openPostgresAttestationStore(url: string, options: { readonly poolSize?: number } = {}): Promise<AttestationStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 4, types });
  // An idle connection the server closed (restart, shutdown) is dropped by the pool; the next
  // query reports any real problem. Without a listener it would crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateAttestationsToLatest(kysely, 'postgres');
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  const values = (params: readonly SqlValue[]): unknown[] => params.map((p) => (Array.isArray(p) ? [...p] : p));
  return attestationStoreOver({
    dialect: 'postgres',
    all: async (sql, params) => (await pool.query(numbered(sql), values(params))).rows as Record<string, unknown>[],
    run: async (sql, params) => (await pool.query(numbered(sql), values(params))).rowCount ?? 0,
    close: () => kysely.destroy(),
  });
}
