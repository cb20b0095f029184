import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { openStore } from '../../src/store/open-store.js';
import { connectSse, type SseClient } from '../support/sse-client.js';
import { defaulterRecord, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { draftRulebook, FLIGHT } from './support/seed.js';

interface Change { subjectId: string; grade: string; points: number; lists: { listId: string }[]; previous: { grade: string; lists: { listId: string }[] } | null }

describe('relying-party stream', () => {
  let h: Harness;
  let base = '';
  const streams: SseClient[] = [];
  const personId = `cn-rid:${PERSON.identifier}`;

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await h.close();
  });

  it('sends each committed standing change of a subject the relying party checked, and nothing about others', async () => {
    await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    const airline = await connectSse(`${base}/v1/stream`, h.keys.airline);
    const railway = await connectSse(`${base}/v1/stream`, h.keys.railway);
    streams.push(airline, railway);
    expect(airline.status).toBe(200);
    await airline.next((e) => e.event === 'ready');

    const res = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('st-1', PERSON), defaulterRecord('st-2', OTHER_PERSON)] } });
    const recordId = res.json<{ items: { recordId: string }[] }>().items[0]?.recordId ?? '';
    const listed = (await airline.next((e) => e.event === 'standing')).data as Change;
    expect(listed).toMatchObject({ subjectId: personId, grade: 'B', points: 900, previous: null });
    expect(listed.lists.map((l) => l.listId)).toContain('consumption-restricted');

    await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${recordId}/fulfilment`, payload: {} });
    const lifted = (await airline.next((e) => e.event === 'standing' && (e.data as Change).lists.length === 0)).data as Change;
    expect(lifted).toMatchObject({ subjectId: personId, points: 980, previous: { grade: 'B' } });

    expect(airline.events.filter((e) => e.event === 'standing').every((e) => (e.data as Change).subjectId === personId)).toBe(true);
    expect(railway.events.filter((e) => e.event === 'standing')).toEqual([]);
  });

  it('sends the changes another process commits on the same database, such as an import beside the server, and each local one once', async () => {
    const airline = streams[0] as SseClient;
    const other = await openStore(h.url);
    try {
      const ledger = await openLedger(other, { at: h.clock.now });
      const result = await ledger.furnish('court-a', [defaulterRecord('st-elsewhere', PERSON, '2026-04-01')], h.clock.now);
      expect(result.accepted).toBe(1);
      const listed = (await airline.next((e) => e.event === 'standing' && (e.data as Change).points === 880, 10_000)).data as Change;
      expect(listed).toMatchObject({ subjectId: personId, grade: 'B', previous: { grade: 'A', lists: [] } });
      expect(listed.lists.map((l) => l.listId)).toContain('judgment-defaulters');
    } finally {
      await other.close();
    }
    // A change this process commits itself is sent once: the relay leaves its positions out.
    const before = airline.events.length;
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('st-local', OTHER_PERSON)] } });
    await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: OTHER_PERSON, ...FLIGHT } });
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [{ ...defaulterRecord('st-local-2', OTHER_PERSON), occurredAt: '2026-04-02' }] } });
    await airline.next((e) => e.event === 'standing' && (e.data as Change).subjectId === `cn-rid:${OTHER_PERSON.identifier}`);
    await new Promise((r) => setTimeout(r, 2_500)); // two rounds of the relay
    const others = airline.events.slice(before).filter((e) => e.event === 'standing' && (e.data as Change).subjectId === `cn-rid:${OTHER_PERSON.identifier}`);
    expect(others).toHaveLength(1);
  });

  it('announces a new rulebook version taking effect', async () => {
    const airline = streams[0] as SseClient;
    await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts', payload: draftRulebook('2026.5'), headers: { 'content-type': 'application/yaml' } });
    await h.call(h.keys.operator2, { method: 'POST', url: '/v1/rulebooks/drafts/2026.5/approval' });
    await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.5/publication' });
    expect((await airline.next((e) => e.event === 'rulebook')).data).toMatchObject({ version: '2026.5' });
  });

  it('bounds the streams a client may hold open', async () => {
    const limit = h.app.deps.limits.streamsPerClient;
    // The railway holds one stream from the test above.
    for (let i = 1; i < limit; i++) streams.push(await connectSse(`${base}/v1/stream`, h.keys.railway));
    expect(streams.at(-1)?.status).toBe(200);
    streams.push(await connectSse(`${base}/v1/stream`, h.keys.railway));
    expect(streams.at(-1)?.status).toBe(429);
  });
});
