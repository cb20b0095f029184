import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectId } from '../brand.js';
import type { Standing } from '../standing/model.js';
import { attestationClaimsFromStanding } from './attestation-claims-from-standing.js';
import type { SigningKey, VerificationKey } from './attestation-claims.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { jwkThumbprint } from './jwks.js';
import { signAttestation } from './sign-attestation.js';
import { verifyAttestation } from './verify-attestation.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

function keyPair(fill: number): { signing: SigningKey; verification: VerificationKey } {
  const secretKey = new Uint8Array(32).fill(fill);
  const publicKey = ed25519.getPublicKey(secretKey);
  const kid = jwkThumbprint(publicKey);
  return { signing: { kid, secretKey }, verification: { kid, publicKey } };
}

const standing: Standing = {
  subjectId: subjectId('cn-rid:11010519491231002X'), subjectKind: 'person', at: T0, rulebookVersion: '2026.1', points: 1037, grade: 'A',
  lists: [
    { listId: 'judgment-defaulters', kind: 'black', since: T0 - DAY, until: null, recordIds: [] },
    { listId: 'taxpayers-a', kind: 'red', since: T0 - DAY, until: null, recordIds: [] },
  ],
  measures: [], nextChangeAt: null, explanation: [],
};

const K1 = keyPair(1);
const K2 = keyPair(2);
const issue = (over: { audience?: string; expiresInDays?: number; includeRedLists?: boolean } = {}, key = K1.signing): string =>
  signAttestation(attestationClaimsFromStanding(standing, { issuer: 'https://credence.test', jti: 'att_1', at: T0, ...over }), key);
const swapPayload = (token: string, edit: (claims: Record<string, unknown>) => void): string => {
  const [h, p, s] = token.split('.') as [string, string, string];
  const claims = JSON.parse(new TextDecoder().decode(decodeBase64Url(p))) as Record<string, unknown>;
  edit(claims);
  return `${h}.${encodeBase64Url(new TextEncoder().encode(JSON.stringify(claims)))}.${s}`;
};

describe('verifyAttestation', () => {
  it('accepts a fresh attestation and returns what it states: grade, band, list status, no exact points', () => {
    const r = verifyAttestation(issue(), [K1.verification], T0 + DAY);
    expect(r).toEqual({
      ok: true, kid: K1.signing.kid,
      claims: {
        iss: 'https://credence.test', sub: 'cn-rid:11010519491231002X', jti: 'att_1', iat: T0 / 1000, exp: T0 / 1000 + 7 * 86_400,
        asOf: '2026-06-01T09:00:00.000Z', rulebookVersion: '2026.1', grade: 'A', pointsBand: '1000-1049', onBlackList: true,
      },
    });
  });

  it('shares red list ids only when the subject asks to', () => {
    const r = verifyAttestation(issue({ includeRedLists: true }), [K1.verification], T0);
    expect(r.ok && r.claims.redLists).toEqual(['taxpayers-a']);
  });

  it('rejects a tampered payload as a bad signature', () => {
    const better = swapPayload(issue(), (c) => { c.grade = 'AAA'; c.onBlackList = false; });
    expect(verifyAttestation(better, [K1.verification], T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects any single changed character of the token', () => {
    const token = issue();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(fc.property(fc.nat(token.length - 1), fc.nat(alphabet.length - 1), (i, j) => {
      const c = alphabet.charAt(j);
      fc.pre(token[i] !== c);
      expect(verifyAttestation(`${token.slice(0, i)}${c}${token.slice(i + 1)}`, [K1.verification], T0).ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('rejects a signature by another key under a trusted key id, and a key id nobody published', () => {
    const forged = issue({}, { kid: K1.signing.kid, secretKey: K2.signing.secretKey });
    expect(verifyAttestation(forged, [K1.verification], T0)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAttestation(issue({}, K2.signing), [K1.verification], T0)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('is valid until its expiry and not at it; not before its issue time', () => {
    const token = issue({ expiresInDays: 2 });
    const exact = { clockSkewMs: 0 };
    expect(verifyAttestation(token, [K1.verification], T0 + 2 * DAY - 1, exact).ok).toBe(true);
    expect(verifyAttestation(token, [K1.verification], T0 + 2 * DAY, exact)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAttestation(token, [K1.verification], T0 - 1, exact)).toEqual({ ok: false, reason: 'not_yet_valid' });
    // A verifier's clock a little behind the registry's still accepts a token issued just now.
    expect(verifyAttestation(token, [K1.verification], T0 - 30_000).ok).toBe(true);
    expect(verifyAttestation(token, [K1.verification], T0 - 120_000)).toEqual({ ok: false, reason: 'not_yet_valid' });
  });

  it('accepts an addressed attestation only from that audience', () => {
    const token = issue({ audience: '  Landlord Wang  ' });
    expect(verifyAttestation(token, [K1.verification], T0, { audience: 'Landlord Wang' }).ok).toBe(true);
    expect(verifyAttestation(token, [K1.verification], T0, { audience: 'Matchmaking site' })).toEqual({ ok: false, reason: 'wrong_audience' });
    expect(verifyAttestation(token, [K1.verification], T0)).toEqual({ ok: false, reason: 'wrong_audience' });
    // An attestation for anyone is valid for any verifier.
    expect(verifyAttestation(issue(), [K1.verification], T0, { audience: 'Landlord Wang' }).ok).toBe(true);
  });

  it('calls malformed what is not an attestation: wrong shape, alg none, another typ, unknown critical header', () => {
    const [, p, s] = issue().split('.') as [string, string, string];
    const header = (h: object) => encodeBase64Url(new TextEncoder().encode(JSON.stringify(h)));
    const kid = K1.signing.kid;
    for (const bad of [
      '', 'a.b', `${issue()}.x`, `${header({ alg: 'none', typ: 'credence-attestation+jwt', kid })}.${p}.`,
      `${header({ alg: 'EdDSA', typ: 'JWT', kid })}.${p}.${s}`, `${header({ alg: 'EdDSA', typ: 'credence-attestation+jwt', kid, crit: ['x'] })}.${p}.${s}`,
      `${header({ alg: 'EdDSA', typ: 'credence-attestation+jwt' })}.${p}.${s}`, `${issue()}=`, 'x'.repeat(9000),
    ]) expect(verifyAttestation(bad, [K1.verification], T0), bad.slice(0, 60)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a signed payload whose claims are incomplete or live longer than 30 days', () => {
    const sign = (claims: object) => {
      const h = encodeBase64Url(new TextEncoder().encode(JSON.stringify({ alg: 'EdDSA', typ: 'credence-attestation+jwt', kid: K1.signing.kid })));
      const input = `${h}.${encodeBase64Url(new TextEncoder().encode(JSON.stringify(claims)))}`;
      return `${input}.${encodeBase64Url(ed25519.sign(new TextEncoder().encode(input), K1.signing.secretKey))}`;
    };
    const good = verifyAttestation(issue(), [K1.verification], T0);
    if (!good.ok) throw new Error('fixture');
    expect(verifyAttestation(sign(good.claims), [K1.verification], T0).ok).toBe(true);
    expect(verifyAttestation(sign({ ...good.claims, exp: good.claims.iat + 31 * 86_400 }), [K1.verification], T0).ok).toBe(false);
    expect(verifyAttestation(sign({ ...good.claims, grade: 'Z' }), [K1.verification], T0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAttestation(sign({ ...good.claims, sub: undefined }), [K1.verification], T0)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('attestationClaimsFromStanding', () => {
  it('refuses lifetimes outside 1..30 whole days and empty audiences', () => {
    for (const days of [0, 31, 1.5, -1]) expect(() => issue({ expiresInDays: days })).toThrow(/1 to 30 whole days/);
    expect(() => issue({ audience: '   ' })).toThrow(/audience/);
    expect(() => issue({ expiresInDays: 30 })).not.toThrow();
  });
});
