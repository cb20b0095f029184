import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

/** The first fan-in of the SQLite inquiry runs, with which this migration sets the level of the run it makes (running sizes: DEFAULT_INQUIRY_RUNS). */
export const INQUIRY_RUN_FAN_IN = 8;
/** The first tail size of the SQLite inquiry runs (level 0), used with the fan-in above by this migration. */
export const INQUIRY_TAIL_ROWS = 2048;

/**
 * SQLite only: the inquiry log stops keeping a B-tree index by subject, which cost a random page per
 * inquiry on the hot path. A trigger notes each inquiry in an append-only tail; the tail is moved, off
 * the hot path, into sorted runs (appended at the end of `inquiry_runs`), and runs of a level are
 * merged into one of the next (see sqlite-inquiry-runs.ts). A run counts only once listed in
 * `inquiry_run_list`. PostgreSQL keeps its index: nothing changes there.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create table inquiry_tail (
    seq integer primary key autoincrement, subject_id text not null, client_id text not null, at integer not null, id text not null)`.execute(db);
  await sql`create trigger inquiries_into_tail after insert on inquiries begin
    insert into inquiry_tail (subject_id, client_id, at, id) values (new.subject_id, new.client_id, new.at, new.id); end`.execute(db);
  await sql`create table inquiry_runs (
    run integer not null, subject_id text not null, client_id text not null, at integer not null, id text not null,
    primary key (run, subject_id, client_id, at, id)) without rowid`.execute(db);
  await sql`create table inquiry_run_list (run integer primary key, level integer not null, rows integer not null)`.execute(db);
  // Inquiries already recorded become the first run, at the level its size belongs to.
  const { rows } = await sql<{ n: number }>`select count(*) as n from inquiries`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  if (n > 0) {
    await sql`insert into inquiry_runs select 1, subject_id, client_id, at, id from inquiries order by subject_id, client_id, at, id`.execute(db);
    const level = Math.max(0, Math.floor(Math.log(n / INQUIRY_TAIL_ROWS) / Math.log(INQUIRY_RUN_FAN_IN)));
    await sql`insert into inquiry_run_list (run, level, rows) values (1, ${level}, ${n})`.execute(db);
  }
  await sql`drop index inquiries_subject`.execute(db);
}
