import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

const COLUMNS = sql.raw('id, subject_id, client_id, at, action, purpose, context, outcome, benefits, reasons, rulebook_version');

/**
 * SQLite only: the inquiry log itself becomes the tail of the inquiry runs. The log is rebuilt as a
 * rowid table (rowids only grow: inquiries are never deleted, and a new row takes the largest plus
 * one); a listed run records the last rowid it covers (`upto`), and the tail is every inquiry after the
 * largest of them. Recording an inquiry then writes the log row and its id index, with no trigger, no
 * `inquiry_tail` row and no sequence update, and moving the tail into a run deletes nothing. The tail
 * as it stands becomes a run here. The rebuild copies the log once, at the first start after upgrading.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create table inquiries_log (
    id text primary key, subject_id text not null, client_id text not null, at integer not null, action text not null,
    purpose text not null, context text not null, outcome text not null, benefits text not null, reasons text not null,
    rulebook_version text not null)`.execute(db);
  await sql`insert into inquiries_log (${COLUMNS}) select ${COLUMNS} from inquiries order by id`.execute(db);
  await sql`alter table inquiry_run_list add column upto integer not null default 0`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*) as n from inquiry_tail`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  if (n > 0) {
    const top = await sql<{ m: number | null }>`select max(m) as m from (select max(run) as m from inquiry_runs union all select max(run) from inquiry_run_list)`.execute(db);
    const run = Number(top.rows[0]?.m ?? 0) + 1;
    await sql`insert into inquiry_runs select ${run}, subject_id, client_id, at, id from inquiry_tail order by subject_id, client_id, at, id`.execute(db);
    await sql`insert into inquiry_run_list (run, level, rows) values (${run}, 0, ${n})`.execute(db);
  }
  // Every inquiry is now in a listed run: all of them are at or before the watermark.
  await sql`update inquiry_run_list set upto = (select coalesce(max(rowid), 0) from inquiries_log)`.execute(db);
  await sql`drop trigger inquiries_into_tail`.execute(db);
  await sql`drop table inquiry_tail`.execute(db);
  await sql`drop table inquiries`.execute(db);
  await sql`alter table inquiries_log rename to inquiries`.execute(db);
}
