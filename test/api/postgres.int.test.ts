import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionId } from '../../src/core/brand.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { connectSse } from '../support/sse-client.js';
import { defaulterRecord, ORGANIZATION, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { draftRulebook, FLIGHT } from './support/seed.js';

/** The API's main paths on PostgreSQL: the service tables, group-committed inquiries and the stream over a real server. */
describe('the API on PostgreSQL', () => {
  let pg: TestPostgres;
  let h: Harness;
  let recordId = '';

  beforeAll(async () => {
    pg = await startPostgres();
    h = await startHarness({ url: await pg.createDatabase('api') });
  });
  afterAll(async () => {
    await h?.close();
    pg?.stop();
  });

  it('furnishes, decides, records every inquiry, and shows the subject its file', async () => {
    const batch = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('pg-1'), defaulterRecord('pg-1'), defaulterRecord('pg-2', ORGANIZATION)] } });
    expect(batch.json()).toMatchObject({ accepted: 2, duplicates: 1, rejected: 0 });
    recordId = batch.json<{ items: { recordId: string }[] }>().items[0]?.recordId ?? '';

    const decisions = await Promise.all(Array.from({ length: 100 }, () => h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } })));
    expect(decisions.every((d) => d.json<{ outcome: string }>().outcome === 'deny')).toBe(true);
    for (const d of decisions.slice(0, 5)) expect(await h.service.inquiry(decisionId(d.json<{ decisionId: string }>().decisionId))).toBeDefined();
    expect(await h.service.countInquiries(null)).toBe(100);

    const file = await h.call(await h.login(PERSON), { method: 'GET', url: '/v1/me/file' });
    expect(file.json()).toMatchObject({ standing: { grade: 'B' }, records: [expect.objectContaining({ id: recordId, points: -100 })] });
    expect(file.json<{ inquiries: unknown[] }>().inquiries).toHaveLength(100);
  });

  it('streams a standing change to the relying party that checked the subject', async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await connectSse(`${base}/v1/stream`, h.keys.airline);
    try {
      await stream.next((e) => e.event === 'ready');
      expect((await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${recordId}/fulfilment`, payload: {} })).statusCode).toBe(200);
      const change = await stream.next((e) => e.event === 'standing');
      expect(change.data).toMatchObject({ subjectId: `cn-rid:${PERSON.identifier}`, lists: [] });
    } finally {
      stream.close();
    }
  });

  it('keeps keys hashed and revocable, and publishes a rulebook only after a second operator approves', async () => {
    const created = await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients', payload: { id: 'pg-auditor', role: 'auditor', name: 'PG auditor' } });
    const key = created.json<{ apiKey: { key: string } }>().apiKey.key;
    expect((await h.call(key, { method: 'GET', url: '/v1/audit/standings?limit=10' })).json<{ items: unknown[] }>().items).toHaveLength(2);
    await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients/pg-auditor/revocation', payload: { reason: 'test' } });
    expect((await h.call(key, { method: 'GET', url: '/v1/audit/events' })).statusCode).toBe(401);

    const draft = await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts', payload: draftRulebook('2026.9'), headers: { 'content-type': 'application/yaml' } });
    expect(draft.statusCode).toBe(201);
    expect((await h.call(h.keys.operator, { method: 'GET', url: '/v1/rulebooks/drafts/2026.9/preview' })).json()).toMatchObject({ subjects: 2 });
    expect((await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.9/publication' })).statusCode).toBe(409);
    await h.call(h.keys.operator2, { method: 'POST', url: '/v1/rulebooks/drafts/2026.9/approval' });
    expect((await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.9/publication' })).json()).toMatchObject({ version: '2026.9', subjects: 2 });
  });
});
