import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/auth/secrets.js';
import { defaulterRecord, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { draftRulebook, FLIGHT } from './support/seed.js';

const yaml = (text: string) => ({ method: 'POST' as const, url: '/v1/rulebooks/drafts', payload: text, headers: { 'content-type': 'application/yaml' } });

describe('operator routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('o-1')] } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('registers a relying party with a scope and shows its key once, storing only a hash', async () => {
    const res = await h.call(h.keys.operator, {
      method: 'POST', url: '/v1/clients',
      payload: { id: 'hotel-chain', role: 'relying_party', name: 'Hotel Chain', scope: { actions: ['hotel.booking'], purposes: ['booking'] } },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ client: { id: string; keys: { prefix: string }[] }; apiKey: { id: string; key: string; prefix: string } }>();
    expect(body.apiKey.key).toMatch(/^crd_live_[A-Za-z0-9_-]{43}$/);
    expect(body.client.keys[0]?.prefix).toBe(body.apiKey.prefix);
    const stored = await h.service.apiKeysOf('hotel-chain' as never);
    expect(stored[0]?.hash).toBe(sha256Hex(body.apiKey.key));
    expect(JSON.stringify(stored)).not.toContain(body.apiKey.key);
    const again = await h.call(h.keys.operator, { method: 'GET', url: '/v1/clients/hotel-chain' });
    expect(again.body).not.toContain(body.apiKey.key);

    const check = await h.call(body.apiKey.key, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, action: 'hotel.booking', purpose: 'booking', context: { starRating: 5 } } });
    expect(check.json()).toMatchObject({ outcome: 'deny' });
    await h.app.deps.auth.flushUsage();
    expect((await h.service.apiKeysOf('hotel-chain' as never))[0]?.lastUsedAt).toBe(h.clock.now);
  });

  it('refuses relying-party scopes with actions the rulebook does not have', async () => {
    const res = await h.call(h.keys.operator, {
      method: 'POST', url: '/v1/clients', payload: { id: 'snoop', role: 'relying_party', name: 'Snoop', scope: { actions: ['social.friends'], purposes: ['curiosity'] } },
    });
    expect(res.json()).toMatchObject({ status: 400, code: 'unknown_action' });
  });

  it('revokes a client: its keys stop working at once', async () => {
    const created = await h.call(h.keys.operator, {
      method: 'POST', url: '/v1/clients', payload: { id: 'short-lived', role: 'relying_party', name: 'Short', scope: { actions: [FLIGHT.action], purposes: ['ticket-sale'] } },
    });
    const key = created.json<{ apiKey: { key: string } }>().apiKey.key;
    expect((await h.call(key, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } })).statusCode).toBe(200);
    const revoked = await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients/short-lived/revocation', payload: { reason: 'contract ended' } });
    expect(revoked.json()).toMatchObject({ status: 'revoked', keys: [expect.objectContaining({ revokedAt: expect.any(String) })] });
    const after = await h.call(key, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    expect(after.statusCode).toBe(401);
  });

  it('rotates keys: a new key works, a revoked one does not', async () => {
    const fresh = await h.call(h.keys.operator, { method: 'POST', url: '/v1/clients/auditor/keys' });
    const key = fresh.json<{ id: string; key: string }>();
    expect((await h.call(key.key, { method: 'GET', url: '/v1/audit/events?limit=1' })).statusCode).toBe(200);
    await h.call(h.keys.operator, { method: 'POST', url: `/v1/clients/auditor/keys/${key.id}/revocation` });
    expect((await h.call(key.key, { method: 'GET', url: '/v1/audit/events?limit=1' })).statusCode).toBe(401);
    expect((await h.call(h.keys.auditor, { method: 'GET', url: '/v1/audit/events?limit=1' })).statusCode).toBe(200);
  });

  it('enrols a subject with a generated password shown once, and looks subjects up', async () => {
    const subjectId = 'cn-uscc:91350100M000100Y43';
    const res = await h.call(h.keys.operator, { method: 'POST', url: `/v1/subjects/${subjectId}/enrolment`, payload: {} });
    const password = res.json<{ password: string }>().password;
    expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    const login = await h.app.inject({ method: 'POST', url: '/v1/session', payload: { subject: { scheme: 'cn-uscc', identifier: '91350100M000100Y43' }, password } });
    expect(login.statusCode).toBe(200);
    const lookup = await h.call(h.keys.operator, { method: 'GET', url: `/v1/subjects/cn-rid:${PERSON.identifier}` });
    expect(lookup.json()).toMatchObject({ standing: { grade: 'B' }, records: [expect.objectContaining({ ruleId: 'defaulter-refuses' })] });
    expect((await h.call(h.keys.operator, { method: 'GET', url: '/v1/subjects/cn-rid:123' })).json()).toMatchObject({ code: 'invalid_identifier' });
  });

  it('shows the subject every lookup of its file, with the operator and when', async () => {
    const mine = async () => (await h.call(await h.login(PERSON), { method: 'GET', url: '/v1/me/file' })).json<{ readBy: { at: string; operator: { id: string } }[] }>().readBy;
    const before = (await mine()).length;
    await h.call(h.keys.operator2, { method: 'GET', url: `/v1/subjects/cn-rid:${PERSON.identifier}` });
    const after = await mine();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toEqual({ at: new Date(h.clock.now).toISOString(), operator: { id: 'operator-b', name: 'Operator B' } });
  });

  it('validates drafts with located issues, previews their impact, needs a second operator, then publishes and re-rates', async () => {
    const bad = await h.call(h.keys.operator, yaml('version: "x"\ntitle: Broken\ngrading:\n  base: lots\n'));
    expect(bad.statusCode).toBe(400);
    const problem = bad.json<{ code: string; errors: { line: number; column: number; message: string }[] }>();
    expect(problem.code).toBe('invalid_rulebook');
    expect(problem.errors.some((e) => e.line === 4 && e.column > 0)).toBe(true);

    const text = draftRulebook('2026.2', -300);
    const uploaded = await h.call(h.keys.operator, yaml(text));
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ version: '2026.2', status: 'draft', approved: false, reviews: [{ step: 'drafted', by: 'operator-a' }] });

    const preview = await h.call(h.keys.operator, { method: 'GET', url: '/v1/rulebooks/drafts/2026.2/preview' });
    expect(preview.json()).toMatchObject({ version: '2026.2', against: '2026.1', subjects: 1, gradeChanged: 1, pointsChanged: 1, gradeChanges: [{ from: 'B', to: 'C', subjects: 1 }] });

    expect((await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.2/publication' })).json()).toMatchObject({ code: 'approval_required', status: 409 });
    expect((await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.2/approval' })).json()).toMatchObject({ code: 'second_operator_required', status: 403 });
    const approved = await h.call(h.keys.operator2, { method: 'POST', url: '/v1/rulebooks/drafts/2026.2/approval' });
    expect(approved.json()).toMatchObject({ approved: true });

    const published = await h.call(h.keys.operator, { method: 'POST', url: '/v1/rulebooks/drafts/2026.2/publication' });
    expect(published.json()).toMatchObject({ version: '2026.2', subjects: 1, alreadyCurrent: false });
    expect((await h.app.inject({ method: 'GET', url: '/v1/rulebook' })).json()).toMatchObject({ version: '2026.2', status: 'published' });
    const file = await h.call(h.keys.operator, { method: 'GET', url: `/v1/subjects/cn-rid:${PERSON.identifier}` });
    expect(file.json()).toMatchObject({ standing: { rulebookVersion: '2026.2', points: 700, grade: 'C' } });
    expect((await h.call(h.keys.operator, { method: 'GET', url: '/v1/rulebooks/drafts/2026.2' })).statusCode).toBe(404);
  });

  it('takes an approval only from a key the draft\'s author never held: not one it issued, nor one issued with one it issued', async () => {
    const author = h.keys.operator;
    expect((await h.call(author, yaml(draftRulebook('2026.3', -100)))).statusCode).toBe(201);
    const approve = (key: string) => h.call(key, { method: 'POST', url: '/v1/rulebooks/drafts/2026.3/approval' });

    // An operator the author registers comes with a key the author holds.
    const puppet = await h.call(author, { method: 'POST', url: '/v1/clients', payload: { id: 'sock-puppet', role: 'operator', name: 'Sock puppet' } });
    const puppetKey = puppet.json<{ apiKey: { key: string } }>().apiKey.key;
    expect((await approve(puppetKey)).json()).toMatchObject({ code: 'second_operator_required', status: 403 });
    // So does a key issued with that key, and a key the author issues for another operator.
    const chained = (await h.call(puppetKey, { method: 'POST', url: '/v1/clients/sock-puppet/keys' })).json<{ key: string }>().key;
    expect((await approve(chained)).json()).toMatchObject({ code: 'second_operator_required' });
    const minted = (await h.call(author, { method: 'POST', url: '/v1/clients/operator-b/keys' })).json<{ key: string }>().key;
    expect((await approve(minted)).json()).toMatchObject({ code: 'second_operator_required' });
    const keys = (await h.call(author, { method: 'GET', url: '/v1/clients/sock-puppet' })).json<{ keys: { controlledBy: string | null }[] }>().keys;
    expect(keys.map((k) => k.controlledBy)).toEqual(['operator-a', 'operator-a']);

    // The second operator's own key, issued on the host, approves.
    const approved = await approve(h.keys.operator2);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ approved: true });
  });
});

