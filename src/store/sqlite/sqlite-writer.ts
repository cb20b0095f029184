import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Value } from '../columns.js';
import type { Expectation, SqliteStatements } from './sqlite-statements.js';

/**
 * The writer connection's thread. Requests run strictly in arrival order. Synchronous ones answer on
 * `sync` and wake the waiting caller; `send`s answer nothing unless a row changes other than the
 * expected number of rows: then the transaction is failed, and every later request reports that
 * failure until the rollback. Plain JS, run with `eval`.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const { sync, async, flag } = workerData;
const db = new Database(workerData.path);
for (const p of workerData.pragmas) db.pragma(p);
const statements = new Map();
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) { s = db.prepare(sql); statements.set(sql, s); }
  return s;
};
const failure = (e) => ({ message: String((e && e.message) || e), code: e && e.code !== undefined ? String(e.code) : undefined });
let failed = null;
function handle(m) {
  if (m.op === 'rollback') {
    failed = null;
    if (db.inTransaction) db.exec('rollback');
    return undefined;
  }
  if (failed) throw Object.assign(new Error(failed.message), failed);
  switch (m.op) {
    case 'all': return prepare(m.sql).all(...m.params);
    case 'get': return prepare(m.sql).get(...m.params);
    case 'run': return prepare(m.sql).run(...m.params).changes;
    case 'exec': db.exec(m.sql); return undefined;
    case 'send': {
      const s = prepare(m.sql);
      for (let i = 0; i < m.rows.length; i++) {
        let changes;
        try {
          changes = s.run(...m.rows[i]).changes;
        } catch (e) {
          failed = failure(e);
          return undefined;
        }
        if (m.expect !== undefined && changes !== m.expect) {
          failed = { message: 'unexpected number of changed rows', expectation: m.id, row: i };
          return undefined;
        }
      }
      return undefined;
    }
    case 'close': db.close(); return undefined;
  }
  throw new Error('unknown request ' + m.op);
}
const flags = new Int32Array(flag);
parentPort.on('message', (m) => {
  let reply;
  try {
    reply = { id: m.id, ok: true, result: handle(m) };
  } catch (e) {
    reply = { id: m.id, ok: false, error: e && e.expectation !== undefined ? { expectation: e.expectation, row: e.row, message: e.message } : failure(e) };
  }
  if (m.mode === 'sync') {
    sync.postMessage(reply);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
  } else if (m.mode === 'async') async.postMessage(reply);
});
`;

interface Failure {
  readonly message: string;
  readonly code?: string;
  /** Set when a sent row changed an unexpected number of rows: the request and the row. */
  readonly expectation?: number;
  readonly row?: number;
}
type Reply = { readonly id: number; readonly ok: true; readonly result: unknown } | { readonly id: number; readonly ok: false; readonly error: Failure };

/** The writer connection, on its own thread; statements are the ledger's write transactions. */
export interface SqliteWriter extends SqliteStatements {
  exec(sql: string): void;
  /** Commits on the writer's thread (the fsync never holds the event loop); rejects with a failed `send`'s error. */
  commit(): Promise<void>;
  /** Ends the transaction, if one is open, and forgets a failed `send`. */
  rollback(): void;
  close(): Promise<void>;
}

/**
 * Opens the writer connection on a worker thread. Reads and `run` wait for their answer (the caller
 * is blocked, as with a connection on its own thread); `send` does not wait, so the writer thread
 * inserts one slice of a transaction while this thread prepares the next.
 */
export function sqliteWriter(path: string, pragmas: readonly string[]): SqliteWriter {
  const sync = new MessageChannel();
  const async = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      path, pragmas, module: createRequire(import.meta.url).resolve('better-sqlite3'), flag: flag.buffer, sync: sync.port2, async: async.port2,
    },
    transferList: [sync.port2, async.port2],
  });
  // Every request goes to the worker's own port (parentPort): one queue, in call order.
  const port = worker;
  worker.unref();
  async.port1.unref();
  let nextId = 1;
  let dead: Error | null = null;
  const expectations = new Map<number, (row: number) => Error>();
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const toError = (f: Failure): Error => {
    if (f.expectation !== undefined) return expectations.get(f.expectation)?.(f.row ?? 0) ?? new Error(f.message);
    return Object.assign(new Error(f.message), f.code === undefined ? {} : { code: f.code });
  };
  const failAll = (e: Error): void => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  async.port1.on('message', (r: Reply) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    if (waiting.size === 0) async.port1.unref();
    if (r.ok) w?.resolve(r.result);
    else w?.reject(toError(r.error));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => failAll(dead ?? new Error(`the SQLite writer for ${path} stopped`)));

  const call = (op: string, fields: Record<string, unknown>): unknown => {
    if (dead) throw dead;
    const id = nextId++;
    Atomics.store(flag, 0, 0);
    port.postMessage({ id, op, mode: 'sync', ...fields });
    // The writer notifies after setting the flag, so its notify for the previous request can land
    // after this one was sent and wake it early: only the flag says this request was answered.
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0);
    let reply = receiveMessageOnPort(sync.port1)?.message as Reply | undefined;
    // Answered but not in the port yet (reported under heavy load): give the message a moment.
    for (let tries = 0; reply?.id !== id && tries < 1000; tries++) {
      if (reply === undefined) Atomics.wait(pause, 0, 0, 5);
      reply = receiveMessageOnPort(sync.port1)?.message as Reply | undefined;
    }
    if (reply?.id !== id) throw dead ?? new Error(`the SQLite writer for ${path} did not answer`);
    if (!reply.ok) throw toError(reply.error);
    return reply.result;
  };
  const later = (op: string, fields: Record<string, unknown>): Promise<unknown> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    async.port1.ref();
    const answer = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    port.postMessage({ id, op, mode: 'async', ...fields });
    return answer;
  };

  return {
    all: (sql, ...params) => call('all', { sql, params }) as Record<string, unknown>[],
    get: (sql, ...params) => call('get', { sql, params }) as Record<string, unknown> | undefined,
    run: (sql, ...params) => call('run', { sql, params }) as number,
    send: (sql: string, rows: readonly (readonly Value[])[], expect?: Expectation) => {
      if (dead) throw dead;
      if (rows.length === 0) return;
      const id = nextId++;
      if (expect) expectations.set(id, expect.error);
      port.postMessage({ id, op: 'send', mode: 'none', sql, rows, ...(expect ? { expect: expect.changes } : {}) });
    },
    exec: (sql) => void call('exec', { sql }),
    commit: async () => {
      try {
        await later('exec', { sql: 'commit' });
      } finally {
        expectations.clear();
      }
    },
    rollback: () => {
      expectations.clear();
      if (!dead) call('rollback', {});
    },
    close: async () => {
      if (!dead) await later('close', {});
      await worker.terminate();
    },
  };
}
