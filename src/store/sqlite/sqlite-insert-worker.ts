import { createRequire } from 'node:module';
import { MessageChannel, Worker } from 'node:worker_threads';
import { LOWER_THREAD_PRIORITY_JS } from './background-thread-priority.js';

/**
 * The worker's code (plain JS, run with `eval`): one connection that inserts batches. A message, and
 * every message queued behind it, go into one transaction, committed without a sync; then an
 * fdatasync of the WAL makes them durable. Up to MAX_SYNCS syncs are in flight at once (the disk
 * overlaps them), so the next group is written while the last one is being synced, and a batch is
 * acknowledged only once a sync that began after its commit has completed.
 */
const SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
${LOWER_THREAD_PRIORITY_JS}
const fs = require('node:fs');
const Database = require(workerData.module);
const port = workerData.port;
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 10000');
db.pragma('wal_autocheckpoint = 0');
const wal = workerData.path + '-wal';
const MAX_SYNCS = 8;
const MAX_MERGED = 64;
const statements = new Map();
let syncs = 0;
let unsynced = [];
let broken = null;
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) { s = db.prepare(sql); statements.set(sql, s); }
  return s;
};
const fail = (ids, error) => port.postMessage({ ids, ok: false, message: String((error && error.message) || error) });
function sync() {
  if (syncs >= MAX_SYNCS || unsynced.length === 0) return;
  const ids = unsynced;
  unsynced = [];
  syncs += 1;
  const done = (error) => {
    syncs -= 1;
    if (error || broken) {
      // After a failed sync the kernel may have dropped pages: no sync since, even a successful one, can be trusted.
      broken ??= error;
      fail(ids.concat(unsynced), broken);
      unsynced = [];
      port.postMessage({ fatal: String(broken.message || broken) });
      return;
    }
    port.postMessage({ ids, ok: true });
    sync();
  };
  let fd;
  try {
    fd = walFd();
  } catch (error) {
    return done(error);
  }
  fs.fdatasync(fd, done);
}
// The WAL stays open; it is opened again only if the file was replaced (it is never, while connections are open).
let walHandle = null;
function walFd() {
  if (walHandle !== null && fs.fstatSync(walHandle).ino !== fs.statSync(wal).ino) {
    const replaced = walHandle;
    setTimeout(() => fs.close(replaced, () => undefined), 10000).unref(); // after the syncs still using it
    walHandle = null;
  }
  walHandle ??= fs.openSync(wal, 'r');
  return walHandle;
}
port.on('message', (first) => {
  const group = [first];
  for (let next; group.length < MAX_MERGED && (next = receiveMessageOnPort(port)); ) group.push(next.message);
  const ids = group.map((m) => m.id);
  if (broken) return fail(ids, broken);
  try {
    db.exec('begin immediate');
    for (const { sql, rows } of group) {
      const statement = prepare(sql);
      for (const row of rows) statement.run(...row);
    }
    db.exec('commit');
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    return fail(ids, error);
  }
  for (const id of ids) unsynced.push(id);
  sync();
});
`;

export interface InsertWorker {
  /** Inserts the rows in one transaction on the worker's connection; resolves once they are durable (the WAL synced after the commit). */
  insert(sql: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void>;
  close(): Promise<void>;
}

type Reply = { readonly ids: readonly number[]; readonly ok: boolean; readonly message?: string } | { readonly fatal: string };

/**
 * Durable batch inserts on a worker thread: neither the commit nor the sync waits on the event loop,
 * and syncs overlap, so requests keep being served while groups of inquiries are made durable.
 * A failed sync stops the worker for good: every insert after it is refused.
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
  port1.on('message', (m: Reply) => {
    if ('fatal' in m) return failAll(new Error(`syncing the inquiry log failed: ${m.fatal}`));
    for (const id of m.ids) {
      const p = pending.get(id);
      pending.delete(id);
      if (m.ok) p?.resolve();
      else p?.reject(new Error(`inserting failed: ${m.message ?? 'unknown error'}`));
    }
    if (pending.size === 0) port1.unref();
  });
  port1.unref(); // after the listener (which refs it): an idle store never keeps the process alive
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => failAll(failed ?? new Error('the insert worker stopped')));
  return {
    insert: (sql, rows) => new Promise<void>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      port1.ref();
      port1.postMessage({ id, sql, rows });
    }),
    close: async () => {
      while (pending.size > 0) await new Promise((r) => setTimeout(r, 5));
      failed ??= new Error('the store is closed');
      port1.close();
      await worker.terminate();
    },
  };
}
