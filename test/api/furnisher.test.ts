import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../src/ledger/index.js';
import { defaulterRecord, ORGANIZATION, PERSON, startHarness, type Harness } from './support/api-harness.js';

interface Submission { submissionId: string; accepted: number; duplicates: number; rejected: number; items: { status: string; recordId?: string; code?: string; duplicate?: boolean }[] }

describe('furnisher routes', () => {
  let h: Harness;
  const furnish = (records: unknown[], key = h.keys.court) => h.call(key, { method: 'POST', url: '/v1/records', payload: { records } });
  const eventCount = () => h.store.read((tx) => tx.eventStats()).then((s) => s.count);

  beforeAll(async () => {
    h = await startHarness({ limits: { bodyLimit: 256 * 1024 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('accepts a batch, says which items were duplicates or rejected and why, and keeps the submission', async () => {
    const first = await furnish([defaulterRecord('f-1'), defaulterRecord('f-2', ORGANIZATION)]);
    expect(first.statusCode).toBe(200);
    expect(first.json<Submission>()).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    const again = await furnish([
      defaulterRecord('f-1'),
      { ...defaulterRecord('f-3'), subject: { scheme: 'cn-rid', identifier: '110105194912310021' } },
      { ...defaulterRecord('f-4'), type: 'tax.major_violation', attributes: { amount: 1, violation: 'false_invoicing' } },
    ]);
    const body = again.json<Submission>();
    expect(body).toMatchObject({ accepted: 0, duplicates: 1, rejected: 2 });
    expect(body.items.map((i) => i.code ?? (i.duplicate ? 'duplicate' : i.status))).toEqual(['duplicate', 'invalid_identifier', 'out_of_scope']);

    const list = await h.call(h.keys.court, { method: 'GET', url: '/v1/furnisher/submissions?limit=1' });
    expect(list.json<{ items: { submissionId: string }[]; next: string | null }>().items[0]?.submissionId).toBe(body.submissionId);
    const next = list.json<{ next: string }>().next;
    const older = await h.call(h.keys.court, { method: 'GET', url: `/v1/furnisher/submissions?limit=1&before=${next}` });
    expect(older.json<{ items: { submissionId: string }[] }>().items[0]?.submissionId).toBe(first.json<Submission>().submissionId);
    const one = await h.call(h.keys.court, { method: 'GET', url: `/v1/furnisher/submissions/${body.submissionId}` });
    expect(one.json<Submission>().items).toHaveLength(3);
  });

  it('notes the key each batch came with, so a batch sent with a key an operator issued is attributed to that operator', async () => {
    const own = (await furnish([defaulterRecord('k-1')])).json<{ submissionId: string; keyId: string | null }>();
    const issued = await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients/court-a/keys' });
    expect(issued.statusCode).toBe(201);
    const second = issued.json<{ id: string; key: string }>();
    const sent = await h.call(second.key, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('k-2')] } });
    expect(sent.json<{ keyId: string }>().keyId).toBe(second.id);
    expect(own.keyId).not.toBeNull();
    expect(own.keyId).not.toBe(second.id);

    const listed = await h.call(h.keys.court, { method: 'GET', url: '/v1/furnisher/submissions?limit=2' });
    expect(listed.json<{ items: { keyId: string | null }[] }>().items.map((i) => i.keyId)).toEqual([second.id, own.keyId]);
    const one = await h.call(h.keys.court, { method: 'GET', url: `/v1/furnisher/submissions/${own.submissionId}` });
    expect(one.json<{ keyId: string }>().keyId).toBe(own.keyId);
    const keys = (await h.call(h.keys.operator, { method: 'GET', url: '/v1/clients/court-a' })).json<{ keys: { id: string; controlledBy: string | null }[] }>().keys;
    expect(keys.find((k) => k.id === second.id)?.controlledBy).toBe('operator-a');
    expect(keys.find((k) => k.id === own.keyId)?.controlledBy).toBeNull();
  });

  it('lists each record change among the submissions too, with the key it came with', async () => {
    const id = (await furnish([defaulterRecord('chg-1')])).json<Submission>().items[0]?.recordId ?? '';
    const fulfilled = await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${id}/fulfilment`, payload: {} });
    expect(fulfilled.statusCode).toBe(200);
    const again = await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${id}/fulfilment`, payload: {} });
    expect(again.json<{ duplicate: boolean }>().duplicate).toBe(true);
    type Row = { submissionId: string; kind: string; keyId: string | null; accepted: number; duplicates: number };
    const [dup, first, batch] = (await h.call(h.keys.court, { method: 'GET', url: '/v1/furnisher/submissions?limit=3' })).json<{ items: Row[] }>().items;
    expect(batch).toMatchObject({ kind: 'records', accepted: 1 });
    expect(first).toMatchObject({ kind: 'fulfilment', accepted: 1, duplicates: 0, keyId: batch?.keyId });
    expect(dup).toMatchObject({ kind: 'fulfilment', accepted: 0, duplicates: 1 });
    const one = await h.call(h.keys.court, { method: 'GET', url: `/v1/furnisher/submissions/${first?.submissionId ?? ''}` });
    expect(one.json()).toMatchObject({ kind: 'fulfilment', items: [], change: { recordId: id, status: 'fulfilled', duplicate: false } });
    const batchView = await h.call(h.keys.court, { method: 'GET', url: `/v1/furnisher/submissions/${batch?.submissionId ?? ''}` });
    expect(batchView.json()).toMatchObject({ kind: 'records', change: null });
  });

  it('reads the status of its own record, fulfils, corrects and retracts it', async () => {
    const id = (await furnish([defaulterRecord('life-1')])).json<Submission>().items[0]?.recordId ?? '';
    const read = await h.call(h.keys.court, { method: 'GET', url: `/v1/records/${id}` });
    expect(read.json()).toMatchObject({ id, status: 'active', subjectId: `cn-rid:${PERSON.identifier}`, occurredAt: '2026-03-01T00:00:00.000Z' });

    const fulfilled = await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${id}/fulfilment`, payload: { fulfilledAt: '2026-05-01' } });
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json()).toMatchObject({ recordId: id, status: 'fulfilled', duplicate: false });
    expect((await h.call(h.keys.court, { method: 'GET', url: `/v1/records/${id}` })).json()).toMatchObject({ status: 'fulfilled', fulfilledAt: '2026-05-01T00:00:00.000Z' });

    const corrected = await h.call(h.keys.court, {
      method: 'POST', url: `/v1/records/${id}/correction`, payload: { replacement: { ...defaulterRecord('life-1b'), occurredAt: '2026-02-01' }, reason: 'wrong date' },
    });
    expect(corrected.statusCode).toBe(200);
    const replacementId = corrected.json<{ replacementId: string }>().replacementId;
    expect(replacementId).toMatch(/^rec_/);

    const retracted = await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${replacementId}/retraction`, payload: { reason: 'furnished in error' } });
    expect(retracted.json()).toMatchObject({ recordId: replacementId, status: 'retracted' });
    const twice = await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${replacementId}/retraction`, payload: { reason: 'again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'record_not_active' });
  });

  it('does not show or let change another furnisher\'s record', async () => {
    const id = (await furnish([defaulterRecord('mine-1')])).json<Submission>().items[0]?.recordId ?? '';
    expect((await h.call(h.keys.court2, { method: 'GET', url: `/v1/records/${id}` })).statusCode).toBe(404);
    const change = await h.call(h.keys.court2, { method: 'POST', url: `/v1/records/${id}/retraction`, payload: { reason: 'not mine' } });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({ code: 'not_record_furnisher' });
    expect((await h.call(h.keys.court, { method: 'GET', url: `/v1/records/${id}` })).json()).toMatchObject({ status: 'active' });
  });

  it('refuses oversized, over-long, malformed and mistyped bodies with problem+json, storing nothing', async () => {
    const before = await eventCount();
    const tooBig = await furnish(Array.from({ length: 800 }, (_, i) => ({ ...defaulterRecord(`big-${i}`), legalBasis: 'x'.repeat(400) })));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large', status: 413 });

    const small = await startHarness();
    try {
      const events = (await small.store.read((tx) => tx.eventStats())).count;
      const tooMany = await small.call(small.keys.court, {
        method: 'POST', url: '/v1/records', payload: { records: Array.from({ length: MAX_BATCH + 1 }, (_, i) => defaulterRecord(`n-${i}`)) },
      });
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json()).toMatchObject({ code: 'payload_too_large' });
      expect((await small.store.read((tx) => tx.eventStats())).count).toBe(events);
    } finally {
      await small.close();
    }

    const malformed = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: '{"records": [', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid_request' });

    const extra = await furnish([{ ...defaulterRecord('x-1'), sneaky: true }]);
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ errors: { path: string }[] }>().errors[0]?.path).toMatch(/^body\/records\/0/);

    const stringly = await furnish([{ ...defaulterRecord('x-2'), attributes: { ...defaulterRecord('x-2').attributes, amount: '120000' } }]);
    expect(stringly.json<Submission>().items[0]?.code).toBe('invalid_attributes');

    const wrongType = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: 'records', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'unsupported_media_type' });

    const proto = await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: '{"records":[],"__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } });
    expect(proto.statusCode).toBe(400);
    expect(await eventCount()).toBe(before);
  });
});
