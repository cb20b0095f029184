import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/** Who opened a subject's file besides the subject (an operator's lookup), so that the subject sees it. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema.createTable('file_reads')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('at', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('file_reads_subject').on('file_reads').columns(['subject_id', 'at']).execute();
}
