import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { subjectId } from '../../src/core/brand.js';
import { sha256Hex } from '../../src/server/auth/secrets.js';
import { defaulterRecord, ORGANIZATION, OTHER_PERSON, PASSWORD, PERSON, START, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

interface FileBody {
  subject: { id: string };
  standing: { points: number; grade: string; lists: { listId: string; since: string; until: string | null }[]; measures: { measureId: string }[] };
  records: { id: string; status: string; points: number; state: string; ruleId: string | null; furnisher: { name: string } }[];
  inquiries: { relyingParty: { name: string }; action: string; purpose: string; outcome: string }[];
}

describe('subject routes', () => {
  let h: Harness;
  let recordId = '';

  beforeAll(async () => {
    h = await startHarness();
    const res = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('s-1')] } });
    recordId = res.json<{ items: { recordId: string }[] }>().items[0]?.recordId ?? '';
    await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('logs in with the enrolled password only, the same answer for an unknown subject and a wrong password', async () => {
    const wrong = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: PERSON, password: 'guess' } });
    const unknown = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: { scheme: 'cn-rid', identifier: '11010519800101001X' }, password: PASSWORD } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    const ok = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: PERSON, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ token: string }>().token).toMatch(/^crd_sess_/);
    expect(String(ok.headers['set-cookie'])).toMatch(/^credence_session=crd_sess_[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
  });

  it('shows my file: standing, each record with its rule and points, lists with since/until, measures, and who checked me', async () => {
    const token = await h.login(PERSON);
    const res = await h.call(token, { method: 'GET', url: '/v1/me/file' });
    expect(res.statusCode).toBe(200);
    const f = res.json<FileBody>();
    expect(f.subject.id).toBe(`cn-rid:${PERSON.identifier}`);
    expect(f.standing).toMatchObject({ points: 900, grade: 'B' });
    expect(f.standing.lists.map((l) => l.listId).sort()).toEqual(['consumption-restricted', 'judgment-defaulters']);
    expect(f.standing.lists[0]).toMatchObject({ since: '2026-03-01T00:00:00.000Z', until: '2028-03-01T00:00:00.000Z' });
    expect(f.standing.measures.map((m) => m.measureId)).toContain('restrict-flights');
    expect(f.records).toEqual([expect.objectContaining({ id: recordId, status: 'active', points: -100, state: 'counted', ruleId: 'defaulter-refuses', furnisher: { id: 'court-a', name: 'Court A' } })]);
    expect(f.inquiries).toEqual([expect.objectContaining({ relyingParty: { id: 'airline', name: 'Test Airline' }, action: FLIGHT.action, purpose: 'ticket-sale', outcome: 'deny' })]);
  });

  it('makes a hash stored under the earlier scrypt parameters again at the next successful login, not at a failed one', async () => {
    const id = subjectId(`cn-rid:${OTHER_PERSON.identifier}`);
    const key = scryptSync(PASSWORD, 'sixteen byte salt', 32, { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = `scrypt$32768$8$1$${Buffer.from('sixteen byte salt').toString('base64url')}$${key.toString('base64url')}`;
    await h.service.putSubjectLogin({ subjectId: id, passwordHash: old, enrolledAt: START, enrolledBy: 'test' });
    const failed = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: OTHER_PERSON, password: 'guess' } });
    expect(failed.statusCode).toBe(401);
    expect((await h.service.subjectLogin(id))?.passwordHash).toBe(old);
    // The upgrade replaces only the hash it read: a password changed in between stays.
    expect(await h.service.replacePasswordHash(id, 'a hash that is not stored', 'x')).toBe(false);
    expect((await h.service.subjectLogin(id))?.passwordHash).toBe(old);
    const ok = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: OTHER_PERSON, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const now = (await h.service.subjectLogin(id))?.passwordHash ?? '';
    expect(now).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: OTHER_PERSON, password: PASSWORD } })).statusCode).toBe(200);
  });

  it('works with the session cookie alone, and only for my own file', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: OTHER_PERSON, password: PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const res = await h.app.inject({ method: 'GET', url: '/v1/me/file', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json<FileBody>()).toMatchObject({ subject: { id: `cn-rid:${OTHER_PERSON.identifier}` }, records: [], inquiries: [] });
  });

  it('shows my standing over time: points after each event, and today', async () => {
    h.clock.now = START + 86_400_000;
    await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${recordId}/fulfilment`, payload: {} });
    const res = await h.call(await h.login(PERSON), { method: 'GET', url: '/v1/me/history' });
    const points = res.json<{ points: { cause: string; event?: string; points: number; lists: string[] }[] }>().points;
    expect(points.map((p) => [p.cause, p.event ?? null, p.points])).toEqual([
      ['event', 'record.furnished', 900], ['event', 'record.fulfilled', 980], ['now', null, 980],
    ]);
    expect(points[0]?.lists).toContain('judgment-defaulters');
    expect(points[1]?.lists).toEqual([]);
  });

  it('ends a session at logout and at its expiry', async () => {
    const token = await h.login(PERSON);
    expect((await h.call(token, { method: 'DELETE', url: '/v1/session' })).statusCode).toBe(204);
    expect((await h.call(token, { method: 'GET', url: '/v1/me/file' })).statusCode).toBe(401);
    const later = await h.login(PERSON);
    h.clock.now += h.app.deps.limits.sessionTtlMs + 1;
    const expired = await h.call(later, { method: 'GET', url: '/v1/me/file' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ detail: string }>().detail).toMatch(/expired/);
  });

  it('changes my password when I know the current one', async () => {
    const token = await h.login(OTHER_PERSON);
    expect((await h.call(token, { method: 'PUT', url: '/v1/me/password', payload: { current: 'nope', next: 'a much longer secret' } })).statusCode).toBe(401);
    expect((await h.call(token, { method: 'PUT', url: '/v1/me/password', payload: { current: PASSWORD, next: 'a much longer secret' } })).statusCode).toBe(204);
    const relog = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: OTHER_PERSON, password: 'a much longer secret' } });
    expect(relog.statusCode).toBe(200);
  });

  it('ends my other sessions when I change the password, and keeps the one I changed it with', async () => {
    const mine = await h.login(ORGANIZATION);
    const stolen = await h.login(ORGANIZATION);
    const change = await h.call(mine, { method: 'PUT', url: '/v1/me/password', payload: { current: PASSWORD, next: 'another long secret' } });
    expect(change.statusCode).toBe(204);
    expect((await h.call(stolen, { method: 'GET', url: '/v1/me/file' })).statusCode).toBe(401);
    expect((await h.call(mine, { method: 'GET', url: '/v1/me/file' })).statusCode).toBe(200);
    await h.call(mine, { method: 'PUT', url: '/v1/me/password', payload: { current: 'another long secret', next: PASSWORD } });
  });

  it('answers a session cookie that is not valid percent-encoding with 401, like any unknown session', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/me/file', headers: { cookie: 'credence_session=%E0%A4%A' } });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ code: string }>().code).toBe('unauthorized');
  });

  it('deletes expired sessions when someone logs in', async () => {
    const old = await h.login(PERSON);
    h.clock.now += h.app.deps.limits.sessionTtlMs + 1;
    expect(await h.service.session(sha256Hex(old))).toBeDefined();
    await h.login(PERSON);
    expect(await h.service.session(sha256Hex(old))).toBeUndefined();
  });
});

describe('behind a TLS-terminating proxy', () => {
  const login = (h: Harness) => h.app.inject({
    method: 'POST', url: '/v1/session', payload: { subject: PERSON, password: PASSWORD },
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
  });

  it('marks the session cookie Secure only when told to trust the proxy\'s headers', async () => {
    const trusting = await startHarness({ trustProxy: true });
    const plain = await startHarness();
    try {
      expect(String((await login(trusting)).headers['set-cookie'])).toMatch(/; Secure$/);
      // Without a proxy anyone could send the header: it is ignored.
      expect(String((await login(plain)).headers['set-cookie'])).not.toMatch(/Secure/);
    } finally {
      await trusting.close();
      await plain.close();
    }
  });
});
