import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionId } from '../../src/core/brand.js';
import { defaulterRecord, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT, G_TRAIN } from './support/seed.js';

interface Decision { decisionId: string; outcome: string; benefits: string[]; reasons: { measureId: string; listId?: string; recordIds: string[]; legalBasis: string }[]; rulebookVersion: string }

describe('relying-party checks', () => {
  let h: Harness;
  let recordId = '';
  const check = (body: object, key = h.keys.airline) => h.call(key, { method: 'POST', url: '/v1/checks', payload: body });
  const inquiries = () => h.service.inquiriesAbout(`cn-rid:${PERSON.identifier}` as never, 1000);

  beforeAll(async () => {
    h = await startHarness();
    const res = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('j-1')] } });
    recordId = res.json<{ items: { recordId: string }[] }>().items[0]?.recordId ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  it('denies a listed defaulter a flight, naming the list, the record and the legal basis, and records the inquiry before answering', async () => {
    const res = await check({ subject: PERSON, ...FLIGHT });
    expect(res.statusCode).toBe(200);
    const d = res.json<Decision>();
    expect(d.outcome).toBe('deny');
    expect(d.rulebookVersion).toBe('2026.1');
    expect(d.reasons[0]).toMatchObject({ measureId: 'restrict-flights', listId: 'consumption-restricted', recordIds: [recordId] });
    expect(d.reasons[0]?.legalBasis).toMatch(/High Consumption/);
    const recorded = await h.service.inquiry(decisionId(d.decisionId));
    expect(recorded).toMatchObject({ clientId: 'airline', action: FLIGHT.action, purpose: 'ticket-sale', outcome: 'deny' });
    expect(recorded?.reasons).toEqual(d.reasons);
  });

  it('allows a subject with a clean file, and applies context: a D-train second-class seat stays open to a defaulter', async () => {
    expect((await check({ subject: OTHER_PERSON, ...FLIGHT })).json<Decision>().outcome).toBe('allow');
    const d = await check({ subject: PERSON, ...G_TRAIN, context: { trainType: 'D', seatClass: 'second' } }, h.keys.railway);
    expect(d.json<Decision>().outcome).toBe('allow');
    expect((await check({ subject: PERSON, ...G_TRAIN }, h.keys.railway)).json<Decision>().outcome).toBe('deny');
  });

  it('refuses unknown actions, bad context, out-of-scope actions and purposes and invalid identifiers, recording nothing', async () => {
    const before = (await inquiries()).length;
    const unknown = await check({ subject: PERSON, action: 'social.dating', purpose: 'ticket-sale' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_action' });
    expect((await check({ subject: PERSON, ...FLIGHT, context: { cabin: 'cargo-hold' } })).json()).toMatchObject({ code: 'invalid_context', status: 400 });
    expect((await check({ subject: PERSON, ...G_TRAIN })).json()).toMatchObject({ code: 'out_of_scope', status: 403 });
    expect((await check({ subject: PERSON, ...FLIGHT, purpose: 'marketing' })).json()).toMatchObject({ code: 'out_of_scope', status: 403 });
    expect((await check({ subject: { scheme: 'cn-rid', identifier: '110105194912310021' }, ...FLIGHT })).json()).toMatchObject({ code: 'invalid_identifier' });
    expect((await check({ subject: { scheme: 'ssn', identifier: '1' }, ...FLIGHT })).json()).toMatchObject({ code: 'unknown_identifier_scheme' });
    expect((await check({ subject: PERSON, ...FLIGHT, extra: 1 })).json()).toMatchObject({ code: 'invalid_request' });
    expect((await inquiries()).length).toBe(before);
  });

  it('records every one of many concurrent checks, grouped into few commits', async () => {
    const before = h.app.deps.inquiries.committed();
    const results = await Promise.all(Array.from({ length: 300 }, () => check({ subject: PERSON, ...FLIGHT })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const ids = new Set(results.map((r) => r.json<Decision>().decisionId));
    expect(ids.size).toBe(300);
    const stored = new Set((await inquiries()).map((q) => q.id as string));
    for (const id of ids) expect(stored.has(id)).toBe(true);
    expect(h.app.deps.inquiries.committed() - before).toBe(300);
  });

  it('returns a relying party its own past decision, and no one else\'s', async () => {
    const d = (await check({ subject: PERSON, ...FLIGHT })).json<Decision>();
    const mine = await h.call(h.keys.airline, { method: 'GET', url: `/v1/checks/${d.decisionId}` });
    expect(mine.json()).toMatchObject({ decisionId: d.decisionId, outcome: 'deny', reasons: d.reasons });
    expect((await h.call(h.keys.railway, { method: 'GET', url: `/v1/checks/${d.decisionId}` })).statusCode).toBe(404);
  });

  it('records the key each check came with, so a party holding a key per counter can tell them apart', async () => {
    const issued = (await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients/airline/keys' })).json<{ id: string; key: string }>();
    const keys = (await h.call(h.keys.operator, { method: 'GET', url: '/v1/clients/airline' })).json<{ keys: { id: string }[] }>().keys;
    const first = keys.find((k) => k.id !== issued.id)?.id;
    const byFirst = (await check({ subject: PERSON, ...FLIGHT })).json<Decision>();
    const bySecond = (await h.call(issued.key, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } })).json<Decision>();
    const recorded = async (id: string) => (await h.call(h.keys.airline, { method: 'GET', url: `/v1/checks/${id}` })).json<{ keyId: string | null }>().keyId;
    expect(await recorded(byFirst.decisionId)).toBe(first);
    expect(await recorded(bySecond.decisionId)).toBe(issued.id);
    expect((await h.service.inquiry(decisionId(bySecond.decisionId)))?.keyId).toBe(issued.id);
  });

  it('answers no decision when the inquiry cannot be recorded', async () => {
    const broken = await startHarness();
    try {
      await broken.service.close();
      const res = await broken.call(broken.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal_error' });
      expect(res.body).not.toContain('outcome');
    } finally {
      await broken.app.close();
      await broken.store.close();
    }
  });
});
