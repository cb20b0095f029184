import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { postgresClientStatements } from './postgres-statements.js';

let server: TestPostgres | undefined;
let client: pg.Client | undefined;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('create table t (id integer primary key, note text)');
});
afterAll(async () => {
  await client?.end();
  server?.stop();
});

const connected = (): pg.Client => client ?? (() => { throw new Error('no client'); })();

describe('statements on one client, issued without waiting', () => {
  it('runs them in call order and answers each with its own result', async () => {
    const s = postgresClientStatements(connected());
    await s.run('begin');
    const writes = [
      s.copy('t', ['id', 'note'], [[1, 'tab\there'], [2, null]]),
      s.copy('t', ['id', 'note'], [[3, 'back\\slash']]),
      s.run('update t set note = $1 where id = $2', 'new line\n', 2),
      s.copy('t', ['id', 'note'], [[4, 'x'], [5, 'y'], [6, 'z']]),
    ];
    const rows = s.all('select id, note from t order by id');
    expect(await Promise.all(writes)).toEqual([2, 1, 1, 3]);
    expect(await rows).toEqual([
      { id: 1, note: 'tab\there' }, { id: 2, note: 'new line\n' }, { id: 3, note: 'back\\slash' },
      { id: 4, note: 'x' }, { id: 5, note: 'y' }, { id: 6, note: 'z' },
    ]);
    await s.run('rollback');
  });

  it('fails the COPY that broke a constraint and those after it, not those before it', async () => {
    const s = postgresClientStatements(connected());
    await s.run('begin');
    const blocker = s.run('select pg_sleep(0.05)');
    // Queued behind the sleep, these three go to the server as one query.
    const first = s.copy('t', ['id', 'note'], [[10, 'a']]);
    const second = s.copy('t', ['id', 'note'], [[11, 'b'], [11, 'again']]);
    const third = s.copy('t', ['id', 'note'], [[12, 'c']]);
    await blocker;
    await expect(first).resolves.toBe(1);
    await expect(second).rejects.toMatchObject({ code: '23505', constraint: 't_pkey' });
    await expect(third).rejects.toMatchObject({ code: '23505' });
    await s.run('rollback');
    // The connection is usable afterwards: the copy data the server skipped was dropped.
    expect(await s.get('select count(*)::int as n from t')).toEqual({ n: 0 });
  });

  it('refuses statements issued after the transaction ended, and writes nothing for them', async () => {
    const s = postgresClientStatements(connected());
    await s.run('begin');
    await s.copy('t', ['id', 'note'], [[20, 'kept']]);
    await s.end('commit');
    await expect(s.run('insert into t (id, note) values (21, $1)', 'late')).rejects.toThrow(/transaction has ended; not run: insert into t/);
    await expect(s.copy('t', ['id', 'note'], [[22, 'late']])).rejects.toThrow(/transaction has ended; no rows copied into t/);
    const rows = await connected().query('select id, note from t where id >= 20 order by id');
    expect(rows.rows).toEqual([{ id: 20, note: 'kept' }]);
    await connected().query('delete from t');
  });
});
