import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaulterRecord, ORGANIZATION, PERSON, startHarness, type Harness } from './support/api-harness.js';

describe('auditor routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('a-1', PERSON), defaulterRecord('a-2', ORGANIZATION)] } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('pages through every ledger event in sequence order', async () => {
    const first = await h.call(h.keys.auditor, { method: 'GET', url: '/v1/audit/events?limit=5' });
    const page = first.json<{ items: { seq: number; actor: string; event: { type: string } }[]; next: number }>();
    expect(page.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(page.next).toBe(6);
    const rest = (await h.call(h.keys.auditor, { method: 'GET', url: `/v1/audit/events?from=${page.next}&limit=1000` })).json<typeof page>();
    const furnished = rest.items.filter((e) => e.event.type === 'record.furnished');
    expect(furnished).toHaveLength(2);
    expect(furnished[0]?.actor).toBe('court-a');
    expect(rest.next).toBeNull();
  });

  it('pages through stored standings by subject id', async () => {
    const res = await h.call(h.keys.auditor, { method: 'GET', url: '/v1/audit/standings?limit=1' });
    const page = res.json<{ rulebookVersion: string; items: { subjectId: string; points: number; lists: unknown[] }[]; next: string }>();
    expect(page.rulebookVersion).toBe('2026.1');
    expect(page.items).toHaveLength(1);
    const rest = await h.call(h.keys.auditor, { method: 'GET', url: `/v1/audit/standings?after=${encodeURIComponent(page.next)}&limit=10` });
    const ids = [...page.items, ...rest.json<typeof page>().items].map((s) => s.subjectId);
    expect(ids).toEqual([`cn-rid:${PERSON.identifier}`, `cn-uscc:${ORGANIZATION.identifier}`]);
  });

  it('bounds the page size', async () => {
    const res = await h.call(h.keys.auditor, { method: 'GET', url: '/v1/audit/events?limit=100000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_request', errors: [expect.objectContaining({ path: 'querystring/limit' })] });
  });
});
