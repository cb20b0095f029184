import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as access } from './service-001-access.js';
import { up as inquiryRuns } from './service-002-inquiry-runs.js';
import { up as inquiryWatermark } from './service-003-inquiry-watermark.js';
import { up as keyControl } from './service-004-key-control.js';
import { up as fileReads } from './service-005-file-reads.js';
import { up as submissionKey } from './service-006-submission-key.js';
import { up as inquiryKey } from './service-007-inquiry-key.js';
import { up as submissionKind } from './service-008-submission-kind.js';
import { up as webhooks } from './service-009-webhooks.js';

const MIGRATIONS = [
  ['service-001-access', access],
  ['service-002-inquiry-runs', inquiryRuns],
  ['service-003-inquiry-watermark', inquiryWatermark],
  ['service-004-key-control', keyControl],
  ['service-005-file-reads', fileReads],
  ['service-006-submission-key', submissionKey],
  ['service-007-inquiry-key', inquiryKey],
  ['service-008-submission-kind', submissionKind],
  ['service-009-webhooks', webhooks],
] as const satisfies readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[];

export type ServiceMigrationName = (typeof MIGRATIONS)[number][0];

/**
 * Brings the service's tables to the latest schema. They keep their own migration history table, so
 * the ledger's migrations and the service's evolve independently in the same database.
 */
export async function migrateServiceToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await migrateServiceTo(db, dialect, null);
}

/** Brings the service's tables to the schema of one migration (null: the latest); tests use it to make a database of an earlier version. */
export async function migrateServiceTo(db: Kysely<unknown>, dialect: StoreDialect, target: ServiceMigrationName | null): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'service_migration',
    migrationLockTableName: 'service_migration_lock',
  });
  const { error, results } = target === null ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`service migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
