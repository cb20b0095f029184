import type { LogStore } from './log-store.js';
import { openPostgresLogStore } from './postgres/open-postgres-log-store.js';
import { openSqliteLogStore } from './sqlite/open-sqlite-log-store.js';

/** Opens the transparency log's tables in the database named by the same URL `openStore` takes. */
export async function openLogStore(url: string): Promise<LogStore> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresLogStore(url);
  if (url.startsWith('sqlite:')) return openSqliteLogStore(sqlitePath(url));
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://user@host/db`);
}

/** The file path of a `sqlite:` URL (the log keeps its signing key beside it). */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === '' || path === ':memory:') throw new Error('sqlite store needs a file path, e.g. sqlite:./data/credence.db');
  return path;
}
