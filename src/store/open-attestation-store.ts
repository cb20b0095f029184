import type { AttestationStore } from './attestation-store.js';
import { sqlitePath } from './open-log-store.js';
import { openPostgresAttestationStore } from './postgres/open-postgres-attestation-store.js';
import { openSqliteAttestationStore } from './sqlite/open-sqlite-attestation-store.js';

/** Opens the attestation table in the database named by the same URL `openStore` takes. */
export async function openAttestationStore(url: string): Promise<AttestationStore> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresAttestationStore(url);
  if (url.startsWith('sqlite:')) return openSqliteAttestationStore(sqlitePath(url));
  throw new Error(`unsupported database URL "${url}": use sqlite:PATH or postgres://user@host/db`);
}
