import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportError } from './report-error.js';

const report = (e: unknown): { code: number; text: string } => {
  const out = new PassThrough();
  const code = reportError(e, out, false);
  return { code, text: String(out.read() ?? '') };
};

describe('reportError', () => {
  it('says which address is taken and how to choose another, not that it is a bug, when the port is in use', async () => {
    const first = createServer().listen(0, '127.0.0.1');
    await once(first, 'listening');
    const { port } = first.address() as { port: number };
    const second = createServer().listen(port, '127.0.0.1');
    const [error] = (await once(second, 'error')) as [Error];
    first.close();
    const { code, text } = report(error);
    expect(code).toBe(1);
    expect(text).toBe(`credence: cannot listen on 127.0.0.1:${port}: the port is in use (another Credence, or another program); stop it or choose another port with --port or --host (env CREDENCE_PORT).\n`);
  });

  it('calls a write to a read-only SQLite database a problem to fix, not a bug', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'credence-report-')), 'x.db');
    new Database(file).close();
    const db = new Database(file, { readonly: true });
    let error: unknown;
    try {
      db.exec('create table t (a)');
    } catch (e) {
      error = e;
    } finally {
      db.close();
    }
    const { code, text } = report(error);
    expect(code).toBe(1);
    expect(text).toBe('credence: the database is read-only (attempt to write a readonly database); check --db and its permissions\n');
  });

  it('still calls an unexpected error a bug', () => {
    const { code, text } = report(new Error('boom'));
    expect(code).toBe(70);
    expect(text).toContain('this is a bug');
  });
});
