import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteWriter, type SqliteWriter } from './sqlite-writer.js';

const opened: { writer: SqliteWriter; dir: string }[] = [];
afterEach(async () => {
  for (const { writer, dir } of opened.splice(0)) {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function open(): SqliteWriter {
  const dir = mkdtempSync(join(tmpdir(), 'credence-writer-'));
  const writer = sqliteWriter(join(dir, 'w.db'), ['journal_mode = WAL', 'synchronous = FULL']);
  opened.push({ writer, dir });
  writer.exec('create table t (k text primary key, v integer not null)');
  return writer;
}

describe('the SQLite writer thread', () => {
  it('runs sent rows before any later read, in order, and commits them', async () => {
    const w = open();
    w.exec('begin immediate');
    for (let i = 0; i < 50; i++) w.send('insert into t (k, v) values (?, ?)', Array.from({ length: 100 }, (_, j) => [`k${i}-${j}`, i * 100 + j]));
    expect(w.get('select count(*) as n, max(v) as top from t')).toEqual({ n: 5000, top: 4999 });
    await w.commit();
    expect(w.all('select k from t where v < 2 order by v')).toEqual([{ k: 'k0-0' }, { k: 'k0-1' }]);
  });

  it('fails the transaction at the next read when a sent row changes other than expected, with that row\'s error', async () => {
    const w = open();
    w.exec('begin immediate');
    w.send('insert into t (k, v) values (?, ?)', [['a', 1], ['b', 2]]);
    w.send('update t set v = v + 1 where k = ?', [['a'], ['missing'], ['b']], { changes: 1, error: (row) => new Error(`row ${row} changed nothing`) });
    expect(() => w.get('select 1 as one')).toThrow('row 1 changed nothing');
    w.rollback();
    expect(w.get('select count(*) as n from t')).toEqual({ n: 0 });
  });

  it('rejects the commit when a sent row failed, and keeps nothing of it', async () => {
    const w = open();
    w.exec('begin immediate');
    w.send('insert into t (k, v) values (?, ?)', [['a', 1], ['a', 2]]);
    await expect(w.commit()).rejects.toThrow(/UNIQUE/);
    w.rollback();
    expect(w.get('select count(*) as n from t')).toEqual({ n: 0 });
  });
});
