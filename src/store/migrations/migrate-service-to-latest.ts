import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as access } from './service-001-access.js';
import { up as inquiryRuns } from './service-002-inquiry-runs.js';

const MIGRATIONS: readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[] = [
  ['service-001-access', access],
  ['service-002-inquiry-runs', inquiryRuns],
];

/**
 * Brings the service's tables to the latest schema. They keep their own migration history table, so
 * the ledger's migrations and the service's evolve independently in the same database.
 */
export async function migrateServiceToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'service_migration',
    migrationLockTableName: 'service_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`service migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
