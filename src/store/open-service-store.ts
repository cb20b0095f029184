import { openPostgresServiceStore } from './postgres/open-postgres-service-store.js';
import { openSqliteServiceStore } from './sqlite/open-sqlite-service-store.js';
import type { ServiceStore } from './service-store.js';

/** Opens the service tables in the database named by the same URL `openStore` takes. */
export async function openServiceStore(url: string): Promise<ServiceStore> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresServiceStore(url);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '' || path === ':memory:') throw new Error('sqlite store needs a file path, e.g. sqlite:./data/credence.db');
    return openSqliteServiceStore(path);
  }
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://user@host/db`);
}
