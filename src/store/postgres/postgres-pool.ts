import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

/** int8 (sequence numbers, instants in ms) as JS numbers: all stay far below 2^53. */
export const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** `?` placeholders as PostgreSQL's `$1, $2, ...`. */
export const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export interface PostgresPool {
  readonly pool: pg.Pool;
  /** Migrated; destroying it ends the pool. */
  readonly kysely: Kysely<unknown>;
}

/**
 * A pool of its own for one store, with int8 read as numbers, migrated by `migrate` before it is
 * handed out (and ended if the migration fails).
 */
export async function openPostgresPool(url: string, poolSize: number, migrate: (db: Kysely<unknown>) => Promise<void>): Promise<PostgresPool> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: int8AsNumber });
  // An idle connection the server closed (restart, shutdown) is dropped by the pool; the next
  // query reports any real problem. Without a listener it would crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(kysely);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  return { pool, kysely };
}
