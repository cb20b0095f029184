import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectId } from '../../src/core/brand.js';
import type { AttestationRow, AttestationStore } from '../../src/store/attestation-store.js';
import { openAttestationStore } from '../../src/store/open-attestation-store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { DAY, T0 } from './support.js';

const ALICE = subjectId('cn-rid:11010519491231002X');
const BOB = subjectId('cn-rid:440524188001010014');
const row = (id: string, subject = ALICE, issuedAt = T0, days = 7): AttestationRow => ({
  id, subjectId: subject, kid: 'kid-1', issuedAt, expiresAt: issuedAt + days * DAY, audience: id.endsWith('a') ? 'Landlord Wang' : null, revokedAt: null,
  claims: {
    iss: 'https://credence.test', sub: subject, jti: id, iat: issuedAt / 1000, exp: issuedAt / 1000 + days * 86_400, asOf: new Date(issuedAt).toISOString(),
    rulebookVersion: '2026.1', grade: 'A', pointsBand: '1000-1049', onBlackList: false,
  },
});

function conformance(name: string, open: () => Promise<AttestationStore>): void {
  describe(`attestation store on ${name}`, () => {
    let store: AttestationStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps each subject\'s attestations apart, newest first, and revokes only the owner\'s, once', async () => {
      await store.putAttestation(row('att_1a'));
      await store.putAttestation(row('att_2', ALICE, T0 + DAY, 1));
      await store.putAttestation(row('att_3', BOB));
      expect((await store.attestationsOf(ALICE, 10)).map((r) => r.id)).toEqual(['att_2', 'att_1a']);
      expect(await store.attestation('att_1a')).toEqual(row('att_1a'));
      expect(await store.revokeAttestation(BOB, 'att_1a', T0 + 5)).toBe(0);
      expect(await store.revokeAttestation(ALICE, 'att_1a', T0 + 5)).toBe(1);
      expect(await store.revokeAttestation(ALICE, 'att_1a', T0 + 9)).toBe(0);
      expect((await store.attestation('att_1a'))?.revokedAt).toBe(T0 + 5);
      expect(await store.countLive(ALICE, T0 + DAY)).toBe(1);
      expect(await store.countLive(ALICE, T0 + 2 * DAY)).toBe(0);
      expect(await store.countLive(BOB, T0)).toBe(1);
      await expect(store.putAttestation(row('att_3', BOB))).rejects.toThrow();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'credence-attest-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
conformance('SQLite', () => openAttestationStore(`sqlite:${join(dir, 'credence.db')}`));

let pg: TestPostgres | undefined;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());
conformance('PostgreSQL', async () => {
  if (!pg) throw new Error('the PostgreSQL test server did not start');
  return openAttestationStore(await pg.createDatabase('attestations'));
});
