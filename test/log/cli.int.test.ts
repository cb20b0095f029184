import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { formatSignerKey, parseSignerKey } from '../../src/log/signer-key.js';
import { hashPassword } from '../../src/server/auth/password.js';
import { finished, startCli } from '../cli/support/run-cli.js';
import { sqliteDatabases, type TestDatabases } from './support/log-db.js';
import { openRawDb } from './support/raw-db.js';
import { buildRegistry, type TestRegistry } from './support/registry.js';

const run = (args: readonly string[]) => finished(startCli(args));

describe('credence log verify and proofs against a running server', () => {
  let dbs: TestDatabases;
  let r: TestRegistry;
  let url: string;
  let server: string;
  let dir: string;

  beforeAll(async () => {
    dbs = sqliteDatabases();
    url = await dbs.create('cli');
    r = await buildRegistry(url, 120);
    server = await r.app.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'credence-audit-'));
  });
  afterAll(async () => {
    await r.close();
    dbs.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies, remembers the checkpoint, then checks the next one is consistent with it', async () => {
    const state = join(dir, 'state.json');
    const first = await run(['log', 'verify', '--server', server, '--key', r.auditorKey, '--state', state]);
    expect(first.stdout).toContain('VERDICT: OK');
    expect(first.stdout).toContain('trusted on first use');
    expect(first.code).toBe(0);
    const remembered = JSON.parse(readFileSync(state, 'utf8')) as { size: number; vkey: string };
    expect(remembered.vkey).toBe(r.log.key.vkey);

    await r.app.deps.ledger.registerClient({ id: 'late-auditor', role: 'auditor', name: 'Late', scope: {} }, r.clock.now);
    await r.log.checkpoint();
    const second = await run(['log', 'verify', '--server', server, '--key', r.auditorKey, '--state', state]);
    expect(second.stdout).toContain(`consistency  with the checkpoint verified last time (size ${remembered.size})`);
    expect(second.code).toBe(0);
  });

  it('exits non-zero naming the event when a stored event was changed, and keeps the old state', async () => {
    const state = join(dir, 'tampered.json');
    const db = await openRawDb(url);
    const [row] = await db.all("select seq, actor from events where type = 'record.furnished' order by seq limit 1 offset 3");
    await db.run('update events set actor = ? where seq = ?', ['someone-else', Number(row?.seq)]);
    try {
      const res = await run(['log', 'verify', '--server', server, '--key', r.auditorKey, '--state', state]);
      expect(res.code).toBe(1);
      expect(res.stdout).toMatch(new RegExp(`VERDICT: MISMATCH .*event ${String(row?.seq)}`));
      expect(existsSync(state)).toBe(false);
    } finally {
      await db.run('update events set actor = ? where seq = ?', [String(row?.actor), Number(row?.seq)]);
      await db.close();
    }
  });

  it('refuses a checkpoint signed by a key other than the trusted one', async () => {
    const other = parseSignerKey(formatSignerKey('credence.test/log', new Uint8Array(32).fill(2))).vkey;
    const res = await run(['log', 'verify', '--server', server, '--key', r.auditorKey, '--state', join(dir, 'x.json'), '--trust', other]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('[checkpoint] the server publishes the key');
    expect(res.stdout).toContain('[checkpoint] the checkpoint does not verify under the trusted key');
  });

  it('lets a subject check that every event about its records is in the signed log', async () => {
    const [subject] = await r.store.read((tx) => tx.subjectPage(null, 1));
    if (!subject) throw new Error('no subject');
    await r.service.putSubjectLogin({ subjectId: subject.id, passwordHash: await hashPassword('pw-pw-pw-pw'), enrolledAt: r.clock.now, enrolledBy: clientId('test') });
    const login = await r.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: { scheme: subject.scheme, identifier: subject.identifier }, password: 'pw-pw-pw-pw' } });
    const { token } = login.json() as { token: string };
    const res = await run(['log', 'proofs', '--server', server, '--session', token, '--trust', r.log.key.vkey]);
    expect(res.stdout).toMatch(/VERDICT: OK — \d+ event\(s\) about you are in the log/);
    expect(res.code).toBe(0);
  });
});
