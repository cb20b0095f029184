import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * The service's tables: API keys (hashes only), subject logins and sessions, the inquiry log,
 * furnishing submissions and rulebook reviews. Instants are integer milliseconds; JSON is text.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  const compact = dialect === 'sqlite' ? sql`without rowid` : sql``;

  await db.schema.createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('revoked_at', int)
    .addColumn('last_used_at', int)
    .execute();
  await db.schema.createIndex('api_keys_client').on('api_keys').column('client_id').execute();

  await db.schema.createTable('subject_logins')
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', int, (c) => c.notNull())
    .addColumn('enrolled_by', 'text', (c) => c.notNull())
    .modifyEnd(compact)
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('expires_at', int, (c) => c.notNull())
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_subject').on('sessions').column('subject_id').execute();

  // Decision ids are time-ordered, so the primary key grows at its end; one index serves both
  // "inquiries about me" and "subjects this relying party checked since".
  await db.schema.createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('rulebook_version', 'text', (c) => c.notNull())
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('inquiries_subject').on('inquiries').columns(['subject_id', 'client_id', 'at']).execute();

  await db.schema.createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .modifyEnd(compact)
    .execute();
  await db.schema.createIndex('submissions_client').on('submissions').columns(['client_id', 'id']).execute();

  await db.schema.createTable('rulebook_reviews')
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('rulebook_reviews_pk', ['version', 'step', 'client_id'])
    .modifyEnd(compact)
    .execute();
}
