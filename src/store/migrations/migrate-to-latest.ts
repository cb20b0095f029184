import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { up as ledger } from './001-ledger.js';
import { up as dueProcess } from './002-due-process.js';
import { up as derivedPayloadHash } from './003-derived-payload-hash.js';
import { up as furnishingsOutOfEventIndex } from './004-furnishings-out-of-event-index.js';

const MIGRATIONS = [
  ['001-ledger', ledger],
  ['002-due-process', dueProcess],
  ['003-derived-payload-hash', derivedPayloadHash],
  ['004-furnishings-out-of-event-index', furnishingsOutOfEventIndex],
] as const satisfies readonly (readonly [string, (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>])[];

/** The name of one of the ledger's migrations (the upgrade tests name the one a database is turned back to). */
export type LedgerMigrationName = (typeof MIGRATIONS)[number][0];

/** Brings a database to the latest schema; safe to run on every open (applied migrations are skipped). */
export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const unreachable = connectionProblem(error);
    if (unreachable !== undefined) throw new Error(unreachable, { cause: error });
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed === undefined ? '' : `${failed} `}failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ECONNRESET: 'the connection was reset',
};

/** "cannot connect to PostgreSQL at host:port: why" when the server could not be reached at all, else undefined. */
function connectionProblem(error: unknown): string | undefined {
  const e = error as { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown; errors?: unknown };
  const why = typeof e.code === 'string' ? UNREACHABLE[e.code] : undefined;
  if (why === undefined) return undefined;
  // Several addresses tried (a name with IPv4 and IPv6): the first says where.
  const first = (Array.isArray(e.errors) ? e.errors[0] : e) as { address?: unknown; port?: unknown; hostname?: unknown } | undefined;
  const host = first?.address ?? first?.hostname ?? e.hostname;
  const where = typeof host === 'string' ? `${host}${typeof first?.port === 'number' ? `:${first.port}` : ''}` : 'the given address';
  return `cannot connect to PostgreSQL at ${where}: ${why}`;
}
