import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's code: one connection that inserts batches, each in one durable transaction. Plain JS, run with `eval`. */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
db.pragma('wal_autocheckpoint = 16384');
const statements = new Map();
parentPort.on('message', ({ id, sql, rows }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) { statement = db.prepare(sql); statements.set(sql, statement); }
    db.exec('begin immediate');
    for (const row of rows) statement.run(...row);
    db.exec('commit');
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    parentPort.postMessage({ id, ok: false, message: String((error && error.message) || error) });
  }
});
`;

export interface InsertWorker {
  /** Inserts the rows in one transaction on the worker's connection; resolves after the commit (fsync included). */
  insert(sql: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Durable batch inserts on a worker thread: the commit's fsync waits there, not on the event loop,
 * so requests keep being served while a group of inquiries is made durable.
 */
export function sqliteInsertWorker(path: string): InsertWorker {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const failAll = (e: Error): void => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; ok: boolean; message?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.ok) p?.resolve();
    else p?.reject(new Error(`inserting failed: ${m.message ?? 'unknown error'}`));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => failAll(failed ?? new Error('the insert worker stopped')));
  return {
    insert: (sql, rows) => new Promise<void>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, sql, rows });
    }),
    close: async () => {
      while (pending.size > 0) await new Promise((r) => setTimeout(r, 5));
      failed ??= new Error('the store is closed');
      await worker.terminate();
    },
  };
}
