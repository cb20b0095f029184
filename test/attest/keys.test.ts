import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttestationService, type AttestationService } from '../../src/attest/attestation-service.js';
import { formatKeyFile } from '../../src/attest/key-file.js';
import { ringKey } from '../../src/attest/key-ring.js';
import { attestationKeySource, rotateKeyFile } from '../../src/attest/key-source.js';
import { openAttestations } from '../../src/attest/open-attestations.js';
import { parseJwks, verifyAttestation, type VerificationKey } from '../../src/core/attestation/index.js';
import { openAttestationStore } from '../../src/store/open-attestation-store.js';
import { DAY, standingAt, T0 } from './support.js';

const kidOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string }).kid;
const published = (service: AttestationService, at: number): readonly VerificationKey[] => {
  const parsed = parseJwks(JSON.parse(JSON.stringify(service.jwks(at))));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.keys;
};

describe('attestation signing keys', () => {
  let dir: string;
  let url: string;
  let service: AttestationService;
  const now = { at: T0 };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-attest-'));
    url = `sqlite:${join(dir, 'credence.db')}`;
    service = await openAttestations(url, { env: {}, issuer: 'https://credence.test', now: () => now.at });
  });
  afterEach(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates an owner-only key file beside the database on first use', () => {
    expect(service.jwks(T0).keys).toHaveLength(1);
    expect(statSync(join(dir, 'credence.db.attest-keys')).mode & 0o777).toBe(0o600);
  });

  it('keeps attestations of a rotated-out key verifiable until they expire, then stops publishing the key', async () => {
    const old = await service.issue(standingAt(T0), { expiresInDays: 30 }, T0);
    const rotatedAt = T0 + DAY;
    rotateKeyFile(join(dir, 'credence.db.attest-keys'), rotatedAt);

    // The running service sees the rotated file: it signs with the new key and publishes both.
    const fresh = await service.issue(standingAt(rotatedAt), {}, rotatedAt);
    expect(kidOf(fresh.token)).not.toBe(kidOf(old.token));
    expect(published(service, rotatedAt).map((k) => k.kid).sort()).toEqual([kidOf(old.token), kidOf(fresh.token)].sort());

    const lastDay = T0 + 30 * DAY - 120_000;
    expect(verifyAttestation(old.token, published(service, lastDay), lastDay).ok).toBe(true);
    expect(await service.verify(old.token, undefined, lastDay)).toMatchObject({ valid: true });

    const later = rotatedAt + 31 * DAY;
    expect(published(service, later).map((k) => k.kid)).toEqual([kidOf(fresh.token)]);
    expect(verifyAttestation(old.token, published(service, later), later)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await service.verify(old.token, undefined, later)).toEqual({ valid: false, reason: 'unknown_key', revoked: false });
  });

  it('takes its keys from CREDENCE_ATTEST_KEYS, and without keys on PostgreSQL says what to set', () => {
    const ring = { keys: [ringKey(new Uint8Array(32).fill(9), T0)] };
    const source = attestationKeySource('postgres://db/credence', { env: { CREDENCE_ATTEST_KEYS: formatKeyFile(ring) } });
    expect(source.ring()).toEqual(ring);
    expect(() => attestationKeySource('postgres://db/credence', { env: {} }).ring()).toThrow(/CREDENCE_ATTEST_KEYS/);
    expect(() => attestationKeySource('postgres://db/credence', { env: { CREDENCE_ATTEST_KEYS: '{"keys":[]}' } })).toThrow(/CREDENCE_ATTEST_KEYS: .*format/);
  });

  it('caps how many live attestations one subject holds', async () => {
    const capped = createAttestationService({
      store: await openAttestationStore(url), keys: attestationKeySource(url, {}), issuer: 'https://credence.test', maxLivePerSubject: 2,
    });
    try {
      const first = await capped.issue(standingAt(T0), { expiresInDays: 1 }, T0);
      await capped.issue(standingAt(T0), {}, T0);
      await expect(capped.issue(standingAt(T0), {}, T0)).rejects.toThrow(/2 live attestations/);
      await capped.revoke(standingAt(T0).subjectId, first.row.id, T0);
      await expect(capped.issue(standingAt(T0), {}, T0)).resolves.toBeDefined();
      await expect(capped.issue(standingAt(T0 + 2 * DAY, 'cn-rid:440524188001010014'), {}, T0)).resolves.toBeDefined();
    } finally {
      await capped.close();
    }
  });
});
