import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Webhooks of relying parties: the endpoints (with the secret their deliveries are signed with, which
 * the server must hold to sign), the deliveries queued for them with their attempts, and the one cursor
 * over the ledger's sequence up to which changes were queued, held under a lease by one server at a time.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  await db.schema.createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('deleted_at', int)
    .addColumn('missed', int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('webhooks_client').on('webhooks').columns(['client_id', 'created_at']).execute();

  await db.schema.createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('changes', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', int)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', int)
    .execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').column('next_attempt_at')
    .where(sql.ref('state'), '=', 'pending').execute();
  // A webhook's oldest pending delivery goes first: they are sent one at a time, in order.
  await db.schema.createIndex('webhook_deliveries_pending').on('webhook_deliveries').columns(['webhook_id', 'id'])
    .where(sql.ref('state'), '=', 'pending').execute();
  await db.schema.createIndex('webhook_deliveries_created').on('webhook_deliveries').column('created_at').execute();

  await db.schema.createTable('webhook_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', int, (c) => c.notNull())
    .addColumn('rulebook', 'text')
    .addColumn('holder', 'text')
    .addColumn('held_until', int)
    .execute();
}
