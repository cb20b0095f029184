import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * The transparency log's tables. Tiles are keyed (tile level, index) and overwritten only while they
 * grow at the right edge; the head row is what appenders lock; checkpoints are keyed by tree size,
 * so a size is signed at most once.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  const compact = dialect === 'sqlite' ? sql`without rowid` : sql``;

  await db.schema.createTable('log_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', int, (c) => c.notNull())
    .addColumn('root', bytes)
    .execute();
  await sql`insert into log_head (id, size) values (1, 0)`.execute(db);

  await db.schema.createTable('log_tiles')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', int, (c) => c.notNull())
    .addColumn('hashes', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('log_tiles_pk', ['level', 'idx'])
    .modifyEnd(compact)
    .execute();

  await db.schema.createTable('log_checkpoints')
    .addColumn('size', int, (c) => c.primaryKey())
    .addColumn('root', bytes, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', int, (c) => c.notNull())
    .execute();
}
