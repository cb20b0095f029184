import { migrateServiceToLatest } from '../migrations/migrate-service-to-latest.js';
import { inquiryFromRow } from '../service-columns.js';
import type { SqlExec } from '../service-sql.js';
import type { ServiceStore } from '../service-store.js';
import { serviceStoreOver } from '../service-store-over.js';
import { subjectId } from '../../core/brand.js';
import { sqliteCheckpointer } from './sqlite-checkpointer.js';
import { DEFAULT_INQUIRY_RUNS, INQUIRY_IDS_ABOUT, inquiryRuns, SUBJECTS_CHECKED, type InquiryRunsOptions } from './sqlite-inquiry-runs.js';
import { sqliteInsertWorker } from './sqlite-insert-worker.js';
import { bindSql as bind, openSqliteSideConnection } from './sqlite-side-connection.js';

/**
 * The service tables in the same SQLite file as the ledger, on a connection of their own; batches
 * (the inquiry log's group commits) are inserted on a worker thread's connection, and from the first
 * of them on, another thread checkpoints the WAL so that no commit on the hot path has to. The lock
 * wait on the event loop is short and retried asynchronously, so a busy database never stalls it for long.
 * Inquiries are found by subject through the tail and the sorted runs of sqlite-inquiry-runs.ts, which
 * the same worker keeps between groups: no inquiry writes a random index page.
 */
export async function openSqliteServiceStore(file: string, runsOptions: InquiryRunsOptions = DEFAULT_INQUIRY_RUNS): Promise<ServiceStore> {
  const { path, db, prepare, retrying } = await openSqliteSideConnection(file, {
    synchronous: 'FULL', walAutocheckpoint: 16384, busyRetries: 200, busyWait: (attempt) => Math.min(50, attempt * 2),
    migrate: (k) => migrateServiceToLatest(k, 'sqlite'),
  });
  let closed = false;
  const inserts = sqliteInsertWorker(path);
  let checkpointer: { close(): Promise<void> } | null = null;
  const exec: SqlExec = {
    dialect: 'sqlite',
    inList: 'in (select value from json_each(?))',
    all: (sql, params) => retrying(() => prepare(sql).all(...bind(params)) as Record<string, unknown>[]),
    run: (sql, params) => retrying(() => prepare(sql).run(...bind(params)).changes),
    insertMany: (table, columns, rows) => {
      if (rows.length === 0) return Promise.resolve();
      if (!closed) checkpointer ??= sqliteCheckpointer(path);
      return inserts.insert(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, rows.map(bind));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await inserts.close();
      await checkpointer?.close();
      db.close();
    },
  };
  const runs = inquiryRuns(prepare, (sql, params) => inserts.insertBehind(sql, [bind(params)]), runsOptions);
  const over = serviceStoreOver(exec);
  return {
    ...over,
    appendInquiries: (rows) => {
      const done = over.appendInquiries(rows);
      runs.noted(rows.length);
      return done;
    },
    inquiriesAbout: async (id, limit) =>
      (await exec.all(`select * from inquiries where id in (${INQUIRY_IDS_ABOUT}) order by at desc, id desc limit ?`, [id, id, limit])).map(inquiryFromRow),
    checkedBy: async (client, subjects, since) => {
      if (subjects.length === 0) return [];
      const rows = await exec.all(SUBJECTS_CHECKED, [subjects, client, since, subjects, client, since]);
      return rows.map((r) => subjectId(String(r.subject_id)));
    },
    close: async () => {
      await runs.close();
      await over.close();
    },
  };
}
