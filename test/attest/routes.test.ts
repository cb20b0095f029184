import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJwks, verifyAttestation, type AttestationClaims } from '../../src/core/attestation/index.js';
import { defaulterRecord, OTHER_PERSON, PERSON, START, startHarness, type Harness } from '../api/support/api-harness.js';
import { json } from '../api/support/authorization-case.js';

const DAY = 86_400_000;
interface Issued { readonly id: string; readonly token: string; readonly expiresAt: string; readonly claims: AttestationClaims }
interface Verified { readonly valid: boolean; readonly reason?: string; readonly claims?: AttestationClaims; readonly revoked: boolean; readonly revokedAt?: string }

describe('attestation routes', () => {
  let h: Harness;
  let person: string;
  let other: string;
  const issue = async (token: string, body: object = {}): Promise<Issued> => {
    const res = await h.call(token, json('POST', '/v1/me/attestations', body));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const verify = async (token: string, audience?: string): Promise<Verified> =>
    (await h.call(null, json('POST', '/v1/attestations/verify', { token, ...(audience === undefined ? {} : { audience }) }))).json();
  const keys = async () => {
    const parsed = parseJwks((await h.call(null, json('GET', '/.well-known/credence-keys.json'))).json());
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.keys;
  };

  beforeAll(async () => {
    h = await startHarness();
    const res = await h.call(h.keys.court, json('POST', '/v1/records', { records: [defaulterRecord('att-1', PERSON)] }));
    expect(res.statusCode, res.body).toBeLessThan(300);
    person = await h.login(PERSON);
    other = await h.login(OTHER_PERSON);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("signs the subject's own grade, points band and black-list status, verifiable offline with the published keys", async () => {
    const a = await issue(person);
    expect(a.expiresAt).toBe(new Date(START + 7 * DAY).toISOString());
    const offline = verifyAttestation(a.token, await keys(), START + DAY);
    expect(offline.ok).toBe(true);
    expect(offline.ok && offline.claims).toEqual(a.claims);
    expect(a.claims).toMatchObject({ iss: 'https://credence.test', sub: `cn-rid:${PERSON.identifier}`, onBlackList: true, jti: a.id });
    expect(a.claims.pointsBand).toMatch(/^\d+-\d+$/);
    // No record details travel in the token: not the case number, the court, nor the exact points.
    const payload = Buffer.from(a.token.split('.')[1] ?? '', 'base64url').toString('utf8');
    expect(payload).not.toMatch(/京0105|法院|rec_|points"/);
    expect(await verify(a.token)).toEqual({ valid: true, claims: a.claims, revoked: false });
  });

  it('keeps lifetimes within 30 days and binds an addressed attestation to its audience', async () => {
    expect((await h.call(person, json('POST', '/v1/me/attestations', { expiresInDays: 31 }))).statusCode).toBe(400);
    const a = await issue(person, { expiresInDays: 30, audience: 'Landlord Wang' });
    expect(a.expiresAt).toBe(new Date(START + 30 * DAY).toISOString());
    expect(await verify(a.token, 'Landlord Wang')).toMatchObject({ valid: true });
    expect(await verify(a.token, 'Matchmaking site')).toEqual({ valid: false, reason: 'wrong_audience', revoked: false });
    expect(await verify(a.token)).toEqual({ valid: false, reason: 'wrong_audience', revoked: false });
  });

  it('rejects a tampered token at the verification endpoint', async () => {
    const [hdr, payload, sig] = (await issue(person)).token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${hdr}.${Buffer.from(JSON.stringify({ ...claims, grade: 'AAA', onBlackList: false })).toString('base64url')}.${sig}`;
    expect(await verify(forged)).toEqual({ valid: false, reason: 'bad_signature', revoked: false });
    expect(await verify('not a token')).toEqual({ valid: false, reason: 'malformed', revoked: false });
  });

  it("lets a subject list and revoke only its own attestations; revocation is public and reveals nothing else", async () => {
    const mine = await issue(person, { audience: 'Landlord Li' });
    const theirs = await issue(other);
    const ids = (list: { attestations: { id: string }[] }) => list.attestations.map((a) => a.id);
    const otherList = (await h.call(other, json('GET', '/v1/me/attestations'))).json() as { attestations: { id: string }[] };
    expect(ids(otherList)).toEqual([theirs.id]);

    const stolen = await h.call(other, json('POST', `/v1/me/attestations/${mine.id}/revocation`));
    expect(stolen.statusCode).toBe(404);
    expect((await verify(mine.token, 'Landlord Li')).valid).toBe(true);

    h.clock.now = START + 60_000;
    const revoked = await h.call(person, json('POST', `/v1/me/attestations/${mine.id}/revocation`));
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: mine.id, status: 'revoked', revokedAt: new Date(START + 60_000).toISOString(), audience: 'Landlord Li' });
    expect(await verify(mine.token, 'Landlord Li')).toEqual({
      valid: false, reason: 'revoked', claims: mine.claims, revoked: true, revokedAt: new Date(START + 60_000).toISOString(),
    });
    const status = await h.call(null, json('GET', `/v1/attestations/${mine.id}/status`));
    expect(status.json()).toEqual({ revoked: true, revokedAt: new Date(START + 60_000).toISOString() });
    expect((await h.call(null, json('GET', `/v1/attestations/${theirs.id}/status`))).json()).toEqual({ revoked: false });
    expect((await h.call(null, json('GET', '/v1/attestations/att_never_issued/status'))).statusCode).toBe(404);
    // Revoking twice changes nothing.
    h.clock.now = START + 120_000;
    expect((await h.call(person, json('POST', `/v1/me/attestations/${mine.id}/revocation`))).json()).toMatchObject({ revokedAt: new Date(START + 60_000).toISOString() });

    const myList = (await h.call(person, json('GET', '/v1/me/attestations'))).json() as { attestations: { id: string; status: string }[] };
    expect(myList.attestations.find((a) => a.id === mine.id)?.status).toBe('revoked');
    expect(ids(myList)).not.toContain(theirs.id);
  });

  it('calls an attestation expired from its expiry on, in the verifier and in the list', async () => {
    h.clock.now = START;
    const a = await issue(person, { expiresInDays: 1 });
    h.clock.now = START + DAY + 61_000;
    expect(await verify(a.token)).toEqual({ valid: false, reason: 'expired', revoked: false });
    const list = (await h.call(await h.login(PERSON), json('GET', '/v1/me/attestations'))).json() as { attestations: { id: string; status: string }[] };
    expect(list.attestations.find((x) => x.id === a.id)?.status).toBe('expired');
    h.clock.now = START;
  });
});
