import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteInsertHere } from './sqlite-insert-here.js';
import { sqliteInsertWorker } from './sqlite-insert-worker.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function database(): { path: string; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'credence-insert-here-'));
  dirs.push(dir);
  const path = join(dir, 's.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('create table t (a integer primary key)');
  return { path, db };
}

const count = (db: Database.Database): number => (db.prepare('select count(*) as n from t').get() as { n: number }).n;

describe('inserting on the event loop thread', () => {
  it('commits at once when the write lock is free, and gives the batch back untouched when another connection holds it', () => {
    const { path, db } = database();
    const here = sqliteInsertHere(path);
    try {
      expect(here.tryInsert('insert into t (a) values (?)', [[1], [2]])).toBe(true);
      expect(count(db)).toBe(2);
      db.exec('begin immediate');
      const started = performance.now();
      expect(here.tryInsert('insert into t (a) values (?)', [[3]])).toBe(false);
      expect(performance.now() - started).toBeLessThan(500); // it did not wait for the lock
      db.exec('commit');
      expect(count(db)).toBe(2);
    } finally {
      here.close();
      db.close();
    }
  });

  it('writes nothing of a batch with a refused row', () => {
    const { path, db } = database();
    const here = sqliteInsertHere(path);
    try {
      expect(() => here.tryInsert('insert into t (a) values (?)', [[1], [1]])).toThrow(/UNIQUE/);
      expect(count(db)).toBe(0);
      expect(here.tryInsert('insert into t (a) values (?)', [[1]])).toBe(true);
    } finally {
      here.close();
      db.close();
    }
  });

  it('hands a batch to the worker while the lock is held, and it is stored once the lock is free', async () => {
    const { path, db } = database();
    const inserts = sqliteInsertWorker(path);
    try {
      db.exec('begin immediate');
      let stored = false;
      const done = inserts.insert('insert into t (a) values (?)', [[7]]).then(() => (stored = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(stored).toBe(false); // waiting on the worker for the lock, the event loop free meanwhile
      db.exec('commit');
      await done;
      expect(count(db)).toBe(1);
      await expect(inserts.insert('insert into t (a) values (?)', [[7]])).rejects.toThrow(/inserting failed: UNIQUE/);
    } finally {
      await inserts.close();
      db.close();
    }
  });
});
