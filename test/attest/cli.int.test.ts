import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksOf, ringKey } from '../../src/attest/key-ring.js';
import { attestationClaimsFromStanding, signAttestation } from '../../src/core/attestation/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { runCli, tempDir } from '../cli/support/run-cli.js';
import { standingAt, T0 } from './support.js';

const dir = tempDir('attest');
const key = ringKey(new Uint8Array(32).fill(5), T0);
const sign = (over: { audience?: string } = {}) =>
  signAttestation(attestationClaimsFromStanding(standingAt(T0), { issuer: 'https://credence.test', jti: 'att_cli', at: T0, ...over }), key);
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const keys = file('keys.json', JSON.stringify(jwksOf({ keys: [key] }, T0)));
const verify = (...args: string[]) => runCli(['attest', 'verify', ...args], { cwd: dir });

describe('credence attest verify, offline', () => {
  it('prints what a valid attestation states and exits 0', async () => {
    const r = await verify(file('valid.jwt', `${sign()}\n`), '--keys', keys, '--at', '2026-06-03');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^valid attestation att_cli \(key [\w-]{43}\)\n/);
    expect(r.stdout).toMatch(/subject {5}cn-rid:11010519491231002X\n/);
    expect(r.stdout).toMatch(/grade {7}B\n {2}points band 900-949\n {2}black list {2}yes, on a black list\n/);
    expect(r.stdout).toMatch(/expires {5}2026-06-08T09:00:00Z\n/);
    expect(r.stdout).toMatch(/revocation {2}not checked \(give --server/);
  });

  it('exits non-zero with the reason for a tampered, expired or misaddressed attestation', async () => {
    const [h, p, s] = sign().split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as object;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, grade: 'AAA' })).toString('base64url')}.${s}`;
    const bad = await verify(file('tampered.jwt', tampered), '--keys', keys, '--at', '2026-06-03');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^credence: attestation not valid: bad_signature: the signature does not match/);

    const late = await verify(file('valid.jwt', sign()), '--keys', keys, '--at', '2026-07-01');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/not valid: expired/);

    const addressed = file('addressed.json', JSON.stringify({ id: 'att_cli', token: sign({ audience: 'Landlord Wang' }) }));
    expect((await verify(addressed, '--keys', keys, '--at', '2026-06-03')).stderr).toMatch(/wrong_audience: .*--audience/);
    expect((await verify(addressed, '--keys', keys, '--at', '2026-06-03', '--audience', 'Landlord Wang')).code).toBe(0);
  });

  it('asks for the keys when neither --keys nor --server is given', async () => {
    const r = await verify(file('valid.jwt', sign()));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^credence: give the registry's public keys: --keys FILE/);
  });
});

describe('credence attest verify --server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dbUrl: `sqlite:${join(dir, 'credence.db')}`, port: 0, host: '127.0.0.1', logLevel: 'silent' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('fetches the published keys, checks revocation, and refuses a revoked attestation', async () => {
    const service = server.app.attestations;
    if (!service) throw new Error('the server has no attestation service');
    const now = Date.now();
    const { token, row } = await service.issue(standingAt(now), {}, now);
    const path = file('served.jwt', token);
    const ok = await verify(path, '--server', server.url);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/revocation {2}not revoked \(asked http:\/\/127\.0\.0\.1:\d+\)/);

    await service.revoke(row.subjectId, row.id, Date.now());
    const revoked = await verify(path, '--server', server.url, '--json');
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ valid: false, reason: 'revoked', claims: { jti: row.id } });
    expect(revoked.stderr).toMatch(/not valid: revoked: the subject revoked it/);

    // An attestation signed by a key this registry never published.
    expect((await verify(file('foreign.jwt', sign()), '--server', server.url)).stderr).toMatch(/not valid: unknown_key/);
  });
});

describe('credence attest rotate-key', () => {
  it('rotates the key file beside the database; both keys stay published', async () => {
    const db = `sqlite:${join(dir, 'keys.db')}`;
    const first = await runCli(['--db', db, 'attest', 'keys'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as { keys: unknown[] }).keys).toHaveLength(1);
    const rotated = await runCli(['--db', db, 'attest', 'rotate-key'], { cwd: dir });
    expect(rotated.stdout).toMatch(/now signing with key [\w-]{43}\n {2}retired [\w-]{43}, published until \d{4}-\d\d-\d\dT[\d:.]+Z \(after every attestation it signed has expired\)\n$/);
    const after = JSON.parse((await runCli(['--db', db, 'attest', 'keys'], { cwd: dir })).stdout) as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid)).toContain((JSON.parse(first.stdout) as { keys: { kid: string }[] }).keys[0]?.kid);
    expect(after.keys).toHaveLength(2);
  });
});
