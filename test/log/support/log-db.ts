import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';

/** A fresh, empty database per call: a temp SQLite file, or a new database on one throwaway PostgreSQL server. */
export interface TestDatabases {
  create(name: string): Promise<string>;
  stop(): void;
}

export function sqliteDatabases(): TestDatabases {
  const dir = mkdtempSync(join(tmpdir(), 'credence-log-'));
  return {
    create: (name) => Promise.resolve(`sqlite:${join(dir, `${name}.db`)}`),
    stop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresDatabases(): Promise<TestDatabases> {
  const server: TestPostgres = await startPostgres();
  return { create: (name) => server.createDatabase(name), stop: () => server.stop() };
}

export type Dialect = 'sqlite' | 'postgres';
export const databasesFor = (d: Dialect): Promise<TestDatabases> => (d === 'sqlite' ? Promise.resolve(sqliteDatabases()) : postgresDatabases());

/** A signer key for tests that must not write key files: CREDENCE_LOG_KEY in a fake environment. */
export const TEST_ENV = {
  CREDENCE_LOG_KEY: 'PRIVATE+KEY+credence.test/log+ba36bd3d+AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB',
} as const;
