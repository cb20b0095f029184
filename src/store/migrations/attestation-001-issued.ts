import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Issued attestations: one row per attestation (id = jti), keyed for "my attestations" by subject.
 * Instants are integer milliseconds; the signed claims are JSON text.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  await db.schema.createTable('attestations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('issued_at', int, (c) => c.notNull())
    .addColumn('expires_at', int, (c) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('revoked_at', int)
    .addColumn('claims', 'text', (c) => c.notNull())
    .modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql``)
    .execute();
  await db.schema.createIndex('attestations_subject').on('attestations').columns(['subject_id', 'issued_at']).execute();
}
