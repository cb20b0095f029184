import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { openStore } from '../../src/store/open-store.js';
import { startReceiver, type Receiver, type Received } from '../support/webhook-receiver.js';
import { defaulterRecord, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { draftRulebook, FLIGHT } from './support/seed.js';

interface Change { subjectId: string; points: number; lists: { listId: string }[]; previous: { points: number; lists: { listId: string }[] } | null }
interface Body { delivery: string; webhook: string; type: 'standing' | 'rulebook'; changes?: Change[]; rulebook?: { version: string } }
interface Delivery { id: string; state: string; attempts: number; lastStatus: number | null; lastError: string | null }

const bodyOf = (r: Received): Body => JSON.parse(r.body) as Body;
const standing = (path: string, match: (c: Change) => boolean) => (r: Received): boolean =>
  r.path === path && bodyOf(r).type === 'standing' && (bodyOf(r).changes ?? []).some(match);

describe('relying-party webhooks', () => {
  let h: Harness;
  let receiver: Receiver;
  let secret = '';
  let airlineHook = '';
  const personId = `cn-rid:${PERSON.identifier}`;
  const register = (key: string, url: string) => h.call(key, { method: 'POST', url: '/v1/webhooks', payload: { url } });
  const deliveries = async (): Promise<Delivery[]> =>
    (await h.call(h.keys.airline, { method: 'GET', url: `/v1/webhooks/${airlineHook}/deliveries` })).json<{ items: Delivery[] }>().items;

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHarness({ webhooksEveryMs: 50 });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  it('registers a webhook and shows its secret once', async () => {
    const res = await register(h.keys.airline, `${receiver.url}/airline`);
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; secret: string; url: string }>();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    ({ id: airlineHook, secret } = created);
    expect((await register(h.keys.railway, `${receiver.url}/railway`)).statusCode).toBe(201);
    const listed = await h.call(h.keys.airline, { method: 'GET', url: '/v1/webhooks' });
    expect(listed.json()).toEqual({ webhooks: [{ id: airlineHook, url: `${receiver.url}/airline`, createdAt: expect.any(String) as string, keyId: expect.any(String) as string, missed: 0 }] });
    expect(listed.body).not.toContain(secret);
  });

  it('POSTs each change of a subject the relying party checked, signed with that secret, and nothing to one that did not check it', async () => {
    await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('wh-1', PERSON)] } });
    const got = await receiver.next(standing('/airline', (c) => c.subjectId === personId));
    const body = bodyOf(got);
    expect(body).toMatchObject({ webhook: airlineHook, type: 'standing', changes: [{ subjectId: personId, points: 900, previous: null }] });
    expect(body.changes?.[0]?.lists.map((l) => l.listId)).toContain('consumption-restricted');
    expect(got.headers['credence-delivery']).toBe(body.delivery);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got.headers['credence-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${String(t)}.${got.body}`).digest('hex'));
    expect(createHmac('sha256', 'another secret').update(`${String(t)}.${got.body}`).digest('hex')).not.toBe(v1);
    expect(receiver.received.filter((r) => r.path === '/railway')).toEqual([]);
  });

  it('delivers what another process commits on the same database, such as an import beside the server', async () => {
    const other = await openStore(h.url);
    try {
      const ledger = await openLedger(other, { at: h.clock.now });
      expect((await ledger.furnish('court-a', [defaulterRecord('wh-elsewhere', PERSON, '2026-04-01')], h.clock.now)).accepted).toBe(1);
    } finally {
      await other.close();
    }
    const got = bodyOf(await receiver.next(standing('/airline', (c) => c.points === 800)));
    expect(got.changes?.[0]).toMatchObject({ subjectId: personId, previous: { points: 900 } });
    expect(got.changes?.[0]?.lists.map((l) => l.listId)).toContain('judgment-defaulters');
  });

  it('tries a delivery again after an answer that is not 2xx, and shows each attempt', async () => {
    receiver.answer(500);
    const before = receiver.received.length;
    const first = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [{ ...defaulterRecord('wh-2', PERSON), occurredAt: '2026-04-03' }] } });
    expect(first.statusCode).toBe(200);
    const failed = await receiver.next((r) => receiver.received.indexOf(r) >= before && standing('/airline', (c) => c.subjectId === personId)(r));
    await expect.poll(async () => (await deliveries()).find((d) => d.id === bodyOf(failed).delivery), { timeout: 5_000 })
      .toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    receiver.answer(204);
    h.clock.now += 61_000; // the first retry waits a minute
    await expect.poll(async () => (await deliveries()).find((d) => d.id === bodyOf(failed).delivery), { timeout: 5_000 })
      .toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 204, lastError: null });
    expect(receiver.received.filter((r) => bodyOf(r).delivery === bodyOf(failed).delivery)).toHaveLength(2);
  });

  it('announces a rulebook version taking effect', async () => {
    await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts', payload: draftRulebook('2026.5'), headers: { 'content-type': 'application/yaml' } });
    await h.call(h.keys.operator2, { method: 'POST', url: '/v1/rulebooks/drafts/2026.5/approval' });
    expect((await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.5/publication' })).statusCode).toBeLessThan(300);
    for (const path of ['/airline', '/railway']) {
      const got = await receiver.next((r) => r.path === path && bodyOf(r).type === 'rulebook');
      expect(bodyOf(got).rulebook).toMatchObject({ version: '2026.5' });
    }
  });

  it('refuses URLs it cannot or must not reach, and more than four webhooks', async () => {
    for (const url of ['ftp://example.com/x', 'http://user:pw@example.com/x', 'https://example.com/x#frag', 'not a url']) {
      const res = await register(h.keys.airline, url);
      expect({ url, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ url, status: 400, code: 'invalid_request' });
    }
    for (let i = 2; i <= 4; i++) expect((await register(h.keys.airline, `${receiver.url}/extra-${i}`)).statusCode).toBe(201);
    const fifth = await register(h.keys.airline, `${receiver.url}/extra-5`);
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json()).toMatchObject({ code: 'limit_reached' });
  });

  it('deletes only the client\'s own webhook, which then gets nothing more', async () => {
    expect((await h.call(h.keys.railway, { method: 'DELETE', url: `/v1/webhooks/${airlineHook}` })).statusCode).toBe(404);
    expect((await h.call(h.keys.railway, { method: 'GET', url: `/v1/webhooks/${airlineHook}/deliveries` })).statusCode).toBe(404);
    expect((await h.call(h.keys.airline, { method: 'DELETE', url: `/v1/webhooks/${airlineHook}` })).statusCode).toBe(204);
    const listed = (await h.call(h.keys.airline, { method: 'GET', url: '/v1/webhooks' })).json<{ webhooks: { id: string }[] }>();
    expect(listed.webhooks.map((w) => w.id)).not.toContain(airlineHook);
    const before = receiver.received.filter((r) => r.path === '/airline').length;
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [{ ...defaulterRecord('wh-3', PERSON), occurredAt: '2026-04-05' }] } });
    await receiver.next(standing('/extra-2', (c) => c.subjectId === personId));
    expect(receiver.received.filter((r) => r.path === '/airline')).toHaveLength(before);
  });
});
