import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from './background-thread-priority.js';
import { sqliteInsertWorker } from './sqlite-insert-worker.js';

/** The nice value of each thread of this process (field 19 of /proc/self/task/TID/stat). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('background threads of the SQLite store', () => {
  it('commit inquiries at a lower priority than the event loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-priority-'));
    dirs.push(dir);
    const path = join(dir, 's.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('create table t (a integer)');
    const lowered = (): number => threadNices().filter((n) => n === BACKGROUND_NICE).length;
    const before = lowered();
    const worker = sqliteInsertWorker(path);
    try {
      await worker.insertBehind('insert into t (a) values (?)', [[1]]); // the worker is up and has committed
      expect(lowered()).toBe(before + 1);
      expect(threadNices()).toContain(0); // the event loop's thread is left as it was
      expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
    } finally {
      await worker.close();
      db.close();
    }
  });
});
