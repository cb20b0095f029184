import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/** Standing columns, twice: slot a and slot b hold the standings under up to two rulebook versions. */
const SLOT_COLUMNS = ['version', 'points', 'grade', 'lists', 'measures', 'next_change_at', 'computed_at'] as const;

/**
 * The ledger schema. Instants are integer milliseconds; JSON is text, so the stored bytes are the
 * bytes written (the transparency log hashes them). Every subject-owned table carries subject_id.
 * Write cost drives the layout: appends go to the end of seq-keyed tables, and a subject's identity,
 * version and standings share one row, so furnishing a record touches few random index pages.
 * Measures are stored by their position in the rulebook version; lists carry their terms.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  const compact = dialect === 'sqlite' ? sql`without rowid` : sql``;

  // The row every writer locks first: the next sequence number, the rulebook in force and the one
  // being published, and which standing slot each occupies.
  await db.schema.createTable('ledger_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('next_seq', int, (c) => c.notNull())
    .addColumn('current_rulebook', 'text')
    .addColumn('staging_rulebook', 'text')
    .addColumn('slot_a', 'text')
    .addColumn('slot_b', 'text')
    .execute();
  await sql`insert into ledger_head (id, next_seq) values (1, 1)`.execute(db);

  // `integer primary key` makes seq SQLite's rowid: appends go to the end of the b-tree.
  // record_seq names the record an event is about (its own seq for a furnishing), which is how a
  // subject's events are found (through its records) without a random-order index on subject_id.
  await db.schema.createTable('events')
    .addColumn('seq', int, (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('record_seq', int)
    .addColumn('recorded_at', int, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_record').on('events').columns(['record_seq', 'seq']).where(sql.ref('record_seq'), 'is not', null).execute();

  let subjects = db.schema.createTable('subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('version', int, (c) => c.notNull())
    // The earliest next change over the slots in use: what the sweep looks for.
    .addColumn('next_change_at', int);
  for (const slot of ['a', 'b']) {
    for (const column of SLOT_COLUMNS) {
      const type = column === 'points' ? 'integer' : column === 'next_change_at' || column === 'computed_at' ? int : 'text';
      subjects = subjects.addColumn(`${slot}_${column}`, type);
    }
  }
  // A rowid table, not `without rowid`: its rows are wide, and wide rows make a clustered b-tree deep.
  await subjects.execute();
  await db.schema.createIndex('subjects_due').on('subjects').column('next_change_at').where(sql.ref('next_change_at'), 'is not', null).execute();

  // A record's lifecycle. Its id is derived from seq, the sequence number of the event that
  // furnished it; the furnished facts (attributes, legal basis, evidence) are read from that event,
  // not written twice.
  await db.schema.createTable('records')
    .addColumn('seq', int, (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', int, (c) => c.notNull())
    .addColumn('furnisher_id', 'text', (c) => c.notNull())
    .addColumn('furnisher_ref', 'text', (c) => c.notNull())
    .addColumn('consent', 'smallint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fulfilled_at', int)
    .addColumn('superseded_by', int)
    .addColumn('dispute_opened_at', int)
    .addColumn('dispute_verify_by', int)
    .addColumn('dispute_verified_at', int)
    .addColumn('dispute_closed_at', int)
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_subject').on('records').columns(['subject_id', 'seq']).execute();
  // The furnisher's own id is the idempotency key: one record per (furnisher, ref).
  await db.schema.createIndex('records_furnisher_ref').on('records').columns(['furnisher_id', 'furnisher_ref']).unique().execute();

  await db.schema.createTable('rulebooks')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('published_at', int)
    .execute();

  // Clients of every role; API keys, relying-party settings and inquiries get their own tables later.
  await db.schema.createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('furnisher_kind', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_at', int, (c) => c.notNull())
    .addColumn('revoked_at', int)
    .execute();

  await db.schema.createTable('rejections')
    .addColumn('furnisher_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('count', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('rejections_pk', ['furnisher_id', 'code'])
    .modifyEnd(compact)
    .execute();
}
