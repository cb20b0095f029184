import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as issued } from './attestation-001-issued.js';

const MIGRATIONS: readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[] = [
  ['attestation-001-issued', issued],
];

/** Brings the attestation table to the latest schema, with a migration history of its own. */
export async function migrateAttestationsToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'attestation_migration',
    migrationLockTableName: 'attestation_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`attestation migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
