import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import type { Store } from './store.js';

/** Where data lives when nobody says otherwise: a file a newcomer never has to think about. */
export const DEFAULT_STORE_URL = 'sqlite:./data/credence.db';

/**
 * Opens a store by URL: `sqlite:path` (a file, created with its folder if missing) or
 * `postgres://…` / `postgresql://…`. Migrates to the latest schema on open.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<Store> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresStore(url);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '' || path === ':memory:') throw new Error('sqlite store needs a file path, e.g. sqlite:./data/credence.db');
    return openSqliteStore(path);
  }
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://user@host/db`);
}
