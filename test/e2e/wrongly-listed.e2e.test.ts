import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSse, type SseClient } from '../support/sse-client.js';
import { startServerProcess, type Json, type ServerProcess } from './support/server-process.js';

const PERSON = { scheme: 'cn-rid', identifier: '440524188001010014' };
const FLIGHT = { subject: PERSON, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' } };
const CASE = '(2026)京0105执301号';

/**
 * The wrongly-listed case, against the real server process over HTTP: a person whose court-fee payment
 * was booked against the wrong case is listed, disputes, the court corrects, the listing lifts, the
 * airline that refused them is sent a correction notice, and their next check is allowed.
 */
describe('wrongly listed, end to end', () => {
  let server: ServerProcess;
  let url = '';
  let operatorKey = '';
  let stream: SseClient | undefined;
  const call: ServerProcess['call'] = (...args) => server.call(...args);

  beforeAll(async () => {
    server = await startServerProcess('e2e-disputes');
    ({ url, operatorKey } = server);
  });
  afterAll(async () => {
    stream?.close();
    await server.stop();
  });

  it('lists, disputes, corrects, lifts, notifies the airline, and allows the next flight', async () => {
    const court = await call(operatorKey, 'POST', '/v1/clients', { id: 'court-chaoyang', role: 'furnisher', name: 'Chaoyang District Court', furnisherKind: 'court' });
    const airline = await call(operatorKey, 'POST', '/v1/clients', {
      id: 'airline-e2e', role: 'relying_party', name: 'E2E Airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] },
    });
    const courtKey = (court.json.apiKey as { key: string }).key;
    const airlineKey = (airline.json.apiKey as { key: string }).key;
    const password = String((await call(operatorKey, 'POST', `/v1/subjects/cn-rid:${PERSON.identifier}/enrolment`, {})).json.password);
    const login = async (): Promise<string> => String((await call(null, 'POST', '/v1/session', { subject: PERSON, password })).json.token);

    // The fee of case 301 was paid, but booked against another case: the court lists the person for 301.
    const furnished = await call(courtKey, 'POST', '/v1/records', {
      records: [{
        furnisherRef: 'enf-301', subject: PERSON, type: 'court.defaulter.refuses_to_perform', occurredAt: '2026-02-10',
        attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', obligation: 'Pay the court fee of 3200 yuan', amount: 3200 },
        legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1(1)',
      }],
    });
    const recordId = (furnished.json.items as { recordId: string }[])[0]?.recordId ?? '';
    const denied = await call(airlineKey, 'POST', '/v1/checks', FLIGHT);
    expect(denied.json).toMatchObject({ outcome: 'deny', reasons: [{ listId: 'consumption-restricted', recordIds: [recordId] }] });
    stream = await connectSse(`${url}/v1/stream`, airlineKey);
    await stream.next((e) => e.event === 'ready');

    // The person disputes, with the bank receipt as evidence.
    const receipt = Buffer.from('Bank receipt: 3200 yuan to Chaoyang District Court, reference (2026)京0105执301号, 2026-01-28');
    const opened = await call(await login(), 'POST', `/v1/me/records/${recordId}/disputes`, {
      grounds: 'I paid the court fee of case 301 on 28 January; the court booked the payment against another case.',
      evidence: [{ name: 'receipt.txt', mediaType: 'text/plain', contentBase64: receipt.toString('base64') }],
    });
    expect(opened.status).toBe(201);
    const disputeId = String(opened.json.id);
    expect(opened.json).toMatchObject({ status: 'open', awaiting: 'furnisher', recordId });

    // The court finds the dispute in its queue, reads the receipt, and corrects the record.
    const queue = await call(courtKey, 'GET', '/v1/furnisher/disputes');
    expect((queue.json.disputes as { id: string }[]).map((d) => d.id)).toEqual([disputeId]);
    const sha = (opened.json.evidence as { sha256: string }[])[0]?.sha256 ?? '';
    const evidence = await fetch(`${url}/v1/disputes/${disputeId}/evidence/${sha}`, { headers: { authorization: `Bearer ${courtKey}` } });
    expect(Buffer.from(await evidence.arrayBuffer()).equals(receipt)).toBe(true);
    const answered = await call(courtKey, 'POST', `/v1/disputes/${disputeId}/answer`, {
      answer: 'corrected',
      explanation: 'The fee of case 301 was paid on 28 January and booked against case 310 by our error. The listing is withdrawn.',
      replacement: {
        furnisherRef: 'enf-301-paid', subject: PERSON, type: 'court.judgment.performed', occurredAt: '2026-01-28',
        attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', onTime: true }, legalBasis: 'Civil Procedure Law, Art. 236',
      },
    });
    expect(answered.json).toMatchObject({ status: 'corrected' });

    // The listing lifts, and the subject sees it, with the whole timeline and who was told.
    const session = await login();
    const file = await call(session, 'GET', '/v1/me/file');
    expect((file.json.standing as { lists: unknown[] }).lists).toEqual([]);
    expect((file.json.records as { id: string; status: string }[]).find((r) => r.id === recordId)?.status).toBe('corrected');
    const mine = ((await call(session, 'GET', '/v1/me/disputes')).json.disputes as Json[])[0];
    expect((mine?.timeline as { step: string }[]).map((s) => s.step)).toEqual(['opened', 'answered', 'notified']);
    expect(mine?.notices).toEqual([expect.objectContaining({ relyingParty: { id: 'airline-e2e', name: 'E2E Airline' }, decisions: 1 })]);

    // The airline that refused them gets the correction notice, on its stream and from the API.
    const pushed = (await stream.next((e) => e.event === 'notice')).data as Json;
    expect(pushed).toMatchObject({ recordId, change: 'corrected', disputeId, decisions: [{ decisionId: denied.json.decisionId, outcome: 'deny' }] });
    const notices = await call(airlineKey, 'GET', '/v1/notices');
    expect(notices.json.notices).toEqual([pushed]);

    // And their next check is allowed.
    expect((await call(airlineKey, 'POST', '/v1/checks', FLIGHT)).json.outcome).toBe('allow');
  });
});
