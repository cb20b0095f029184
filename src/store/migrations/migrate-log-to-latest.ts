import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as transparency } from './log-001-transparency.js';

const MIGRATIONS: readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[] = [
  ['log-001-transparency', transparency],
];

/** Brings the transparency log's tables to the latest schema, with a migration history of their own. */
export async function migrateLogToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'log_migration',
    migrationLockTableName: 'log_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`log migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
