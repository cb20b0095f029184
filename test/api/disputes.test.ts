import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_TOTAL_BYTES } from '../../src/core/disputes/index.js';
import { recordTypesFor } from '../../src/ledger/index.js';
import { issueKey } from '../../src/server/clients/issue-key.js';
import { ORGANIZATION, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

const DAY = 86_400_000;
const CASE = '(2026)京0105执77号';
const judgment = (ref: string, caseNumber = CASE) => ({
  furnisherRef: ref, subject: PERSON, type: 'court.defaulter.refuses_to_perform', occurredAt: '2026-04-01',
  attributes: { caseNumber, court: '北京市朝阳区人民法院', obligation: 'Pay the court fee of 5000 yuan', amount: 5000 }, legalBasis: 'SPC Provisions, Art. 1(1)',
});
const performed = (ref: string) => ({
  furnisherRef: ref, subject: PERSON, type: 'court.judgment.performed', occurredAt: '2026-03-20',
  attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', onTime: true }, legalBasis: 'Civil Procedure Law, Art. 236',
});

interface Dispute { id: string; status: string; dueBy: string | null; overdue: boolean; timeline: { step: string; by?: string }[]; notices: { relyingParty: { id: string } }[]; evidence: { sha256: string }[] }

describe('due process over the API', () => {
  let h: Harness;
  let courtKey = '';
  // Sessions last an hour and the clock jumps days: log in again for each step.
  const person = () => h.login(PERSON);
  const org = () => h.login(ORGANIZATION);
  const post = (token: string, url: string, payload: object) => h.call(token, { method: 'POST', url, payload });
  const get = (token: string, url: string) => h.call(token, { method: 'GET', url });
  const furnish = async (record: object): Promise<string> => {
    const res = await post(courtKey, '/v1/records', { records: [record] });
    const item = res.json<{ items: { recordId?: string; code?: string }[] }>().items[0];
    if (!item?.recordId) throw new Error(res.body);
    return item.recordId;
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.app.deps.ledger.registerClient({ id: 'court-full', role: 'furnisher', name: 'Chaoyang Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, h.clock.now);
    courtKey = (await issueKey(h.service, clientId('court-full'), h.clock.now)).key;
  });
  afterAll(async () => {
    await h.close();
  });

  it('walks a wrong listing from dispute to correction: deadline, evidence, queue, statement flag, notices to exactly the deciding relying party', async () => {
    const record = await furnish(judgment('fee-1'));
    const denied = await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT });
    expect(denied.json()).toMatchObject({ outcome: 'deny', reasons: [{ recordIds: [record] }] });
    expect(denied.json<{ reasons: object[] }>().reasons[0]).not.toHaveProperty('statementExists');
    // The railway's decision does not rest on the record (a D-train second-class seat is not restricted).
    await post(h.keys.railway, '/v1/checks', { subject: PERSON, action: 'rail.ticket.purchase', purpose: 'ticket-sale', context: { trainType: 'D', seatClass: 'second' } });

    expect((await post(await person(), `/v1/me/records/${record}/statement`, { text: 'I paid this fee on 20 March; the court booked it to another case.' })).statusCode).toBe(200);
    const flagged = await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT });
    expect(flagged.json()).toMatchObject({ outcome: 'deny', reasons: [{ recordIds: [record], statementExists: true }] });
    expect((await get(h.keys.airline, `/v1/checks/${flagged.json<{ decisionId: string }>().decisionId}`)).json()).toMatchObject({ reasons: [{ statementExists: true }] });

    const receipt = Buffer.from('%PDF-1.4 receipt: court fee 5000 yuan paid 2026-03-20');
    const opened = await post(await person(), `/v1/me/records/${record}/disputes`, {
      grounds: 'I paid the court fee; the payment was recorded against another case.',
      evidence: [{ name: '收据.pdf', mediaType: 'application/pdf', contentBase64: receipt.toString('base64') }],
    });
    expect(opened.statusCode).toBe(201);
    const dispute = opened.json<Dispute>();
    expect(dispute).toMatchObject({ status: 'open', dueBy: '2026-06-16T16:00:00.000Z', overdue: false });

    // Only the subject's own records, and only the record's furnisher, are reachable.
    expect((await post(await h.login(OTHER_PERSON), `/v1/me/records/${record}/disputes`, { grounds: 'x' })).statusCode).toBe(404);
    expect((await post(await org(), `/v1/me/disputes/${dispute.id}/appeal`, { grounds: 'x' })).statusCode).toBe(404);
    expect((await get(await org(), `/v1/me/disputes/${dispute.id}/evidence/${dispute.evidence[0]?.sha256 ?? ''}`)).statusCode).toBe(404);
    expect((await get(h.keys.court, `/v1/disputes/${dispute.id}`)).statusCode).toBe(404);
    expect((await post(h.keys.court, `/v1/disputes/${dispute.id}/answer`, { answer: 'retracted', explanation: 'x' })).statusCode).toBe(404);

    const queue = await get(courtKey, '/v1/furnisher/disputes');
    expect(queue.json<{ disputes: Dispute[] }>().disputes.map((d) => d.id)).toEqual([dispute.id]);
    const file = await get(courtKey, `/v1/disputes/${dispute.id}/evidence/${dispute.evidence[0]?.sha256 ?? ''}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.rawPayload.equals(receipt)).toBe(true);
    expect((await get(await person(), `/v1/me/disputes/${dispute.id}/evidence/${dispute.evidence[0]?.sha256 ?? ''}`)).rawPayload.equals(receipt)).toBe(true);

    // Unanswered past the deadline: the record stops counting and the flight is allowed.
    h.clock.now = Date.parse('2026-06-16T16:00:00Z');
    expect((await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT })).json()).toMatchObject({ outcome: 'allow' });
    const lateQueue = (await get(courtKey, '/v1/furnisher/disputes')).json<{ disputes: Dispute[] }>().disputes;
    expect(lateQueue[0]).toMatchObject({ status: 'unverified', overdue: true });
    const myFile = (await get(await person(), '/v1/me/file')).json<{ records: { id: string; state: string }[] }>();
    expect(myFile.records.find((r) => r.id === record)?.state).toBe('dispute_unverified');

    h.clock.now += DAY;
    const answered = await post(courtKey, `/v1/disputes/${dispute.id}/answer`, {
      answer: 'corrected', explanation: 'The fee was paid on time and booked to case 78 by mistake.', replacement: performed('fee-1-corrected'),
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'corrected', awaiting: 'subject' });
    // The answer is among the court's submissions, with the key it came with.
    const [courtKeyRow] = await h.service.apiKeysOf(clientId('court-full'));
    const [latest] = (await get(courtKey, '/v1/furnisher/submissions')).json<{ items: { submissionId: string }[] }>().items;
    expect((await get(courtKey, `/v1/furnisher/submissions/${latest?.submissionId ?? ''}`)).json()).toMatchObject({
      kind: 'dispute_answer', keyId: courtKeyRow?.id, change: { recordId: record, status: 'corrected', disputeId: dispute.id, replacementId: expect.any(String) as string },
    });

    const airlineNotices = (await get(h.keys.airline, '/v1/notices')).json<{ notices: { recordId: string; change: string; disputeId: string; decisions: unknown[] }[] }>();
    expect(airlineNotices.notices).toEqual([expect.objectContaining({ recordId: record, change: 'corrected', disputeId: dispute.id })]);
    expect(airlineNotices.notices[0]?.decisions).toHaveLength(2); // the two denials resting on it, not the later allow
    expect((await get(h.keys.railway, '/v1/notices')).json()).toEqual({ notices: [], next: null });

    const mine = (await get(await person(), '/v1/me/disputes')).json<{ disputes: Dispute[] }>().disputes[0];
    expect(mine?.timeline.map((s) => s.step)).toEqual(['opened', 'unverified', 'answered', 'notified']);
    expect(mine?.notices.map((n) => n.relyingParty.id)).toEqual(['airline']);
    expect((await get(await person(), '/v1/me/notices')).json()).toMatchObject({ notices: [{ relyingParty: { id: 'airline', name: 'Test Airline' }, decisions: 2 }] });
    expect((await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT })).json()).toMatchObject({ outcome: 'allow' });

    // Every step is a ledger event the auditor can read.
    const events = (await get(h.keys.auditor, '/v1/audit/events?limit=1000')).json<{ items: { event: { type: string } }[] }>().items.map((e) => e.event.type);
    expect(events).toEqual(expect.arrayContaining(['statement.attached', 'dispute.opened', 'dispute.answered', 'record.corrected']));
  });

  it('sends a notice for an ordinary retraction too, naming no dispute', async () => {
    const record = await furnish(judgment('fee-4', '(2026)京0105执92号'));
    const denied = (await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT })).json<{ decisionId: string }>();
    await post(courtKey, `/v1/records/${record}/retraction`, { reason: 'Furnished in error.' });
    const notices = (await get(h.keys.airline, '/v1/notices')).json<{ notices: { recordId: string; change: string; disputeId: string | null; decisions: { decisionId: string }[] }[] }>().notices;
    expect(notices.find((n) => n.recordId === record)).toMatchObject({ change: 'removed', disputeId: null, decisions: [{ decisionId: denied.decisionId }] });
  });

  it('takes an appeal to the operator\'s queue and removes the record when the operator decides for the subject', async () => {
    const record = await furnish(judgment('fee-2', '(2026)京0105执90号'));
    const { id } = (await post(await person(), `/v1/me/records/${record}/disputes`, { grounds: 'Not my case.' })).json<Dispute>();
    await post(courtKey, `/v1/disputes/${id}/answer`, { answer: 'confirmed', explanation: 'The case file names you.' });
    expect((await post(await person(), `/v1/me/disputes/${id}/appeal`, { grounds: 'The case file names my namesake.' })).json()).toMatchObject({ status: 'appealed', awaiting: 'operator' });
    const appeals = (await get(h.keys.operator, '/v1/operator/appeals')).json<{ disputes: Dispute[] }>().disputes;
    expect(appeals.map((d) => d.id)).toEqual([id]);
    const decided = await post(h.keys.operator, `/v1/appeals/${id}/decision`, { outcome: 'overturned', reason: 'Different birth date in the case file.' });
    expect(decided.json()).toMatchObject({ status: 'overturned', decision: { removedRecordId: record } });
    expect((await get(h.keys.operator, '/v1/operator/appeals')).json()).toEqual({ disputes: [] });
    const file = (await get(await person(), '/v1/me/file')).json<{ records: { id: string; status: string }[] }>();
    expect(file.records.find((r) => r.id === record)?.status).toBe('retracted');
    // It cannot come back without the court certifying it.
    const again = await post(courtKey, '/v1/records', { records: [judgment('fee-2-again', '(2026)京0105执90号')] });
    expect(again.json()).toMatchObject({ rejected: 1, items: [{ code: 'reinsertion_not_certified' }] });
    const certified = await post(courtKey, '/v1/records', { records: [{ ...judgment('fee-2-again', '(2026)京0105执90号'), certified: true }] });
    expect(certified.json()).toMatchObject({ accepted: 1 });
  });

  it('lets an organization apply for early restoration of a publicity listing, decided by the operator', async () => {
    await h.app.deps.ledger.registerClient({ id: 'env-bureau', role: 'furnisher', name: 'Environment Bureau', furnisherKind: 'regulator', scope: { recordTypes: ['reg.environment_violation'] } }, h.clock.now);
    const env = (await issueKey(h.service, clientId('env-bureau'), h.clock.now)).key;
    const res = await post(env, '/v1/records', { records: [{
      furnisherRef: 'pen-1', subject: ORGANIZATION, type: 'reg.environment_violation', occurredAt: '2026-01-10',
      attributes: { penaltyDecision: '京环罚〔2026〕12号', fineAmount: 20000, severity: 'serious' }, legalBasis: 'Environmental Protection Law, Art. 59',
    }] });
    const record = res.json<{ items: { recordId: string }[] }>().items[0]?.recordId ?? '';
    const applied = await post(await org(), '/v1/me/restorations', { recordId: record, listId: 'admin-penalty-publicity', grounds: 'Fine paid and the plant fixed.' });
    expect(applied.statusCode).toBe(201);
    const { id } = applied.json<{ id: string }>();
    expect((await get(h.keys.operator, '/v1/operator/restorations')).json<{ restorations: { id: string; overdue: boolean }[] }>().restorations)
      .toEqual([expect.objectContaining({ id, overdue: false })]);
    expect((await post(h.keys.operator, `/v1/restorations/${id}/decision`, { outcome: 'granted', reason: 'Rectified.' })).json()).toMatchObject({ decision: { outcome: 'granted' } });
    const lists = (await get(await org(), '/v1/me/file')).json<{ standing: { lists: { listId: string }[] } }>().standing.lists.map((l) => l.listId);
    expect(lists).not.toContain('admin-penalty-publicity');
    expect((await get(await org(), '/v1/me/restorations')).json()).toMatchObject({ restorations: [{ id, decision: { outcome: 'granted' } }] });
  });

  it('shows the subject when a fulfilment lifted its listing', async () => {
    const record = await furnish({ ...judgment('fee-3', '(2026)京0105执91号'), subject: OTHER_PERSON });
    h.clock.now += DAY;
    const paidAt = h.clock.now;
    await post(courtKey, `/v1/records/${record}/fulfilment`, {});
    const other = await h.login(OTHER_PERSON);
    const file = (await get(other, '/v1/me/file')).json<{ records: { id: string; fulfilledAt?: string }[]; standing: { lists: unknown[] } }>();
    expect(file.records.find((r) => r.id === record)?.fulfilledAt).toBe(new Date(paidAt).toISOString());
    expect(file.standing.lists).toEqual([]);
    const history = (await get(other, '/v1/me/history')).json<{ points: { at: string; event?: string; lists: string[] }[] }>().points;
    expect(history.find((p) => p.event === 'record.fulfilled')).toMatchObject({ at: new Date(paidAt).toISOString(), lists: [] });
  });

  it('takes evidence files up to their total size in one request, and refuses a byte more without opening a dispute', async () => {
    const record = await furnish({ ...judgment('fee-5', '(2026)京0105执93号'), subject: OTHER_PERSON });
    const other = await h.login(OTHER_PERSON);
    const file = (name: string, bytes: number) => ({ name, mediaType: 'application/pdf', contentBase64: Buffer.alloc(bytes, name).toString('base64') });
    const largest = MAX_EVIDENCE_TOTAL_BYTES - MAX_EVIDENCE_BYTES;
    const grounds = 'The court booked my payment to another case; its receipt and the bank statement are attached.';

    const tooMuch = await post(other, `/v1/me/records/${record}/disputes`, { grounds, evidence: [file('receipt.pdf', MAX_EVIDENCE_BYTES), file('bank.pdf', largest + 1)] });
    expect(tooMuch.statusCode).toBe(413);
    expect(tooMuch.json()).toMatchObject({ code: 'payload_too_large', detail: expect.stringContaining('in all') });
    expect((await get(other, '/v1/me/disputes')).json<{ disputes: unknown[] }>().disputes).toEqual([]);

    const opened = await post(other, `/v1/me/records/${record}/disputes`, { grounds, evidence: [file('receipt.pdf', MAX_EVIDENCE_BYTES), file('bank.pdf', largest)] });
    expect(opened.statusCode).toBe(201);
    expect(opened.json<Dispute>().evidence).toHaveLength(2);
  });
});

describe('due-process lists under configured page limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ limits: { maxPage: 2, defaultPage: 1 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('take a page up to the configured maximum, and refuse a larger one', async () => {
    const lists: [string, string][] = [
      [h.keys.court, '/v1/furnisher/disputes'], [h.keys.operator, '/v1/operator/appeals'],
      [h.keys.operator, '/v1/operator/restorations'], [h.keys.airline, '/v1/notices'],
    ];
    for (const [key, url] of lists) {
      expect((await h.call(key, { method: 'GET', url: `${url}?limit=2` })).statusCode).toBe(200);
      expect((await h.call(key, { method: 'GET', url })).statusCode).toBe(200);
      const tooLarge = await h.call(key, { method: 'GET', url: `${url}?limit=3` });
      expect(tooLarge.statusCode).toBe(400);
      expect(tooLarge.json()).toMatchObject({ code: 'invalid_request' });
    }
  });
});
