import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Due process beside the ledger, written in the same transactions as its events: the dispute and
 * restoration projections (each a folded timeline), dispute evidence by hash, statements, the
 * identities of records removed after a dispute, and correction notices with the jobs that make them.
 * Every subject-owned table carries subject_id.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const int = dialect === 'sqlite' ? 'integer' : 'bigint';
  const compact = dialect === 'sqlite' ? sql`without rowid` : sql``;

  // When an early restoration was granted: the record's publicity listings end there.
  await db.schema.alterTable('records').addColumn('restored_at', int).execute();

  // One row per dispute; `state` is its whole timeline (src/core/disputes), `due_at` the awaited step's deadline.
  await db.schema.createTable('disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('record_seq', int, (c) => c.notNull())
    .addColumn('furnisher_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('due_at', int)
    .addColumn('opened_at', int, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disputes_subject').on('disputes').columns(['subject_id', 'opened_at']).execute();
  await db.schema.createIndex('disputes_furnisher').on('disputes').columns(['furnisher_id', 'phase', 'due_at']).execute();
  await db.schema.createIndex('disputes_phase').on('disputes').columns(['phase', 'due_at']).execute();

  await db.schema.createTable('dispute_evidence')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', int, (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('stored_at', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_evidence_pk', ['subject_id', 'sha256'])
    .execute();

  await db.schema.createTable('statements')
    .addColumn('record_seq', int, (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attached_at', int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('statements_subject').on('statements').column('subject_id').execute();

  await db.schema.createTable('restorations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('record_seq', int, (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('due_at', int)
    .addColumn('applied_at', int, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('restorations_subject').on('restorations').columns(['subject_id', 'applied_at']).execute();
  await db.schema.createIndex('restorations_phase').on('restorations').columns(['phase', 'due_at']).execute();

  // Furnishing checks each new record's identity here (src/core/disputes/reinsertion-key.ts).
  await db.schema.createTable('removed_records')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('record_seq', int, (c) => c.notNull())
    .addColumn('removed_at', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('removed_records_pk', ['subject_id', 'identity', 'record_seq'])
    .modifyEnd(compact)
    .execute();

  // A job per correction or removal, queued with its event; done once its notices are written.
  await db.schema.createTable('notice_jobs')
    .addColumn('seq', int, (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('record_seq', int, (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('replacement_seq', int)
    .addColumn('dispute_id', 'text')
    .addColumn('at', int, (c) => c.notNull())
    .addColumn('done_at', int)
    .execute();
  await db.schema.createIndex('notice_jobs_pending').on('notice_jobs').column('seq').where(sql.ref('done_at'), 'is', null).execute();

  await db.schema.createTable('correction_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_seq', int, (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('record_seq', int, (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('replacement_seq', int)
    .addColumn('dispute_id', 'text')
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_notices_client').on('correction_notices').columns(['client_id', 'job_seq']).unique().execute();
  await db.schema.createIndex('correction_notices_subject').on('correction_notices').columns(['subject_id', 'job_seq']).execute();
}
