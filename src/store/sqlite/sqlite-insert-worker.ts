import { createRequire } from 'node:module';
import { MessageChannel, Worker } from 'node:worker_threads';
import { LOWER_THREAD_PRIORITY_JS } from './background-thread-priority.js';
import { sqliteInsertHere } from './sqlite-insert-here.js';
import { walSyncs } from './wal-syncs.js';

/**
 * The worker's code (plain JS, run with `eval`): one connection that inserts batches. A message, and
 * every message queued behind it, go into one transaction, committed without a sync; the worker then
 * answers which batches it committed (or why it could not), and the event loop's thread syncs the WAL.
 */
const SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
${LOWER_THREAD_PRIORITY_JS}
const Database = require(workerData.module);
const port = workerData.port;
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 10000');
db.pragma('wal_autocheckpoint = 0');
const MAX_MERGED = 64;
const statements = new Map();
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) { s = db.prepare(sql); statements.set(sql, s); }
  return s;
};
port.on('message', (first) => {
  const group = [first];
  for (let next; group.length < MAX_MERGED && (next = receiveMessageOnPort(port)); ) group.push(next.message);
  const ids = group.map((m) => m.id);
  try {
    db.exec('begin immediate');
    for (const { sql, rows } of group) {
      const statement = prepare(sql);
      for (const row of rows) statement.run(...row);
    }
    db.exec('commit');
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    return port.postMessage({ ids, ok: false, message: String((error && error.message) || error) });
  }
  port.postMessage({ ids, ok: true });
});
`;

type Rows = readonly (readonly (string | number | null)[])[];

export interface InsertWorker {
  /**
   * Inserts the rows in one transaction: on this thread when no other connection holds the write
   * lock, else on the worker's connection. Resolves once they are durable (the WAL synced after the commit).
   */
  insert(sql: string, rows: Rows): Promise<void>;
  /** The same, always on the worker: for statements that may run long. */
  insertBehind(sql: string, rows: Rows): Promise<void>;
  close(): Promise<void>;
}

interface Reply { readonly ids: readonly number[]; readonly ok: boolean; readonly message?: string }

/**
 * Durable batch inserts: a batch is committed on this thread if the write lock is free at once
 * (sqlite-insert-here.ts), else on a worker thread that waits for it, and the WAL is synced from
 * this thread (wal-syncs.ts), the syncs overlapping, so requests keep being served while groups of
 * inquiries are made durable. A failed sync stops the inserts for good: every insert after it is refused.
 */
export function sqliteInsertWorker(path: string): InsertWorker {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { path, port: port2, module: createRequire(import.meta.url).resolve('better-sqlite3') },
    transferList: [port2],
  });
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const failAll = (e: Error): void => {
    failed ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const syncs = walSyncs(`${path}-wal`);
  const here = sqliteInsertHere(path);
  const settle = (ids: readonly number[], error: Error | null): void => {
    for (const id of ids) {
      const p = pending.get(id);
      pending.delete(id);
      if (error) p?.reject(error);
      else p?.resolve();
    }
    if (pending.size === 0) port1.unref();
  };
  const durable = (ids: readonly number[]): void => syncs.request((error) => {
    if (error) failAll(new Error(`syncing the inquiry log failed: ${error.message}`));
    else settle(ids, null);
  });
  port1.on('message', (m: Reply) => {
    if (!m.ok) return settle(m.ids, new Error(`inserting failed: ${m.message ?? 'unknown error'}`));
    durable(m.ids);
  });
  port1.unref(); // after the listener (which refs it): an idle store never keeps the process alive
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => failAll(failed ?? new Error('the insert worker stopped')));
  const insert = (sql: string, rows: Rows, onThisThread: boolean): Promise<void> => new Promise<void>((resolve, reject) => {
    if (failed) return reject(failed);
    const id = nextId++;
    pending.set(id, { resolve, reject });
    port1.ref();
    let committed = false;
    try {
      committed = onThisThread && here.tryInsert(sql, rows);
    } catch (error) {
      return settle([id], new Error(`inserting failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (committed) durable([id]);
    else port1.postMessage({ id, sql, rows });
  });
  return {
    insert: (sql, rows) => insert(sql, rows, true),
    insertBehind: (sql, rows) => insert(sql, rows, false),
    close: async () => {
      while (pending.size > 0) await new Promise((r) => setTimeout(r, 5));
      failed ??= new Error('the store is closed');
      port1.close();
      await worker.terminate();
      await syncs.close();
      here.close();
    },
  };
}
