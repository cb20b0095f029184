import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as ledger } from './001-ledger.js';
import { up as dueProcess } from './002-due-process.js';

const MIGRATIONS: readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[] = [
  ['001-ledger', ledger],
  ['002-due-process', dueProcess],
];

/** Brings a database to the latest schema; safe to run on every open (applied migrations are skipped). */
export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
