import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { LOWER_THREAD_PRIORITY_JS } from './background-thread-priority.js';

/**
 * The worker's code (plain JS, run with `eval`): a connection that copies the WAL back into the
 * database now and then. PASSIVE runs beside writers and readers without blocking them; once the WAL
 * is long, a RESTART (which holds writers back only while it copies the short tail left) lets the next
 * writer start the WAL over instead of growing it.
 */
const SOURCE = `
const { workerData } = require('node:worker_threads');
${LOWER_THREAD_PRIORITY_JS}
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 2000');
db.pragma('wal_autocheckpoint = 0');
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.log >= workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy or interrupted: the next tick tries again.
  }
  setTimeout(tick, workerData.everyMs);
};
setTimeout(tick, workerData.everyMs);
`;

export interface CheckpointerOptions {
  readonly everyMs: number;
  /** WAL length (in pages) at which it is restarted rather than left to grow. */
  readonly restartFrames: number;
}

/**
 * Checkpoints a SQLite file on a thread of its own, so that the connections committing on the hot
 * path (the inquiry log's) never run a checkpoint inside a commit. Stopped by `close`.
 */
export function sqliteCheckpointer(path: string, options: CheckpointerOptions = { everyMs: 500, restartFrames: 8192 }): { close(): Promise<void> } {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path, ...options, module: createRequire(import.meta.url).resolve('better-sqlite3') } });
  worker.unref();
  worker.on('error', () => undefined);
  return { close: async () => void (await worker.terminate()) };
}
