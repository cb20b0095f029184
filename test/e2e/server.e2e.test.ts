import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import { connectSse, type SseClient } from '../support/sse-client.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' };
const FLIGHT = { subject: PERSON, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' } };

interface Change { subjectId: string; lists: { listId: string }[]; previous: { lists: { listId: string }[] } | null }

/** The real server process, as an operator would start it, driven over HTTP like its clients would. */
describe('credence serve, end to end', () => {
  let server: ServerProcess;
  let url = '';
  let operatorKey = '';
  let stream: SseClient | undefined;
  const call: ServerProcess['call'] = (...args) => server.call(...args);

  beforeAll(async () => {
    server = await startServerProcess('e2e');
    ({ url, operatorKey } = server);
  });
  afterAll(async () => {
    stream?.close();
    await server.stop();
  });

  it('lists a defaulter, denies the flight with the listing as reason, shows the subject that inquiry, lifts on fulfilment and streams both changes', async () => {
    expect(operatorKey).toMatch(/^crd_live_/);
    const court = await call(operatorKey, 'POST', '/v1/clients', { id: 'court-e2e', role: 'furnisher', name: 'E2E Court', furnisherKind: 'court' });
    const airline = await call(operatorKey, 'POST', '/v1/clients', {
      id: 'airline-e2e', role: 'relying_party', name: 'E2E Airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] },
    });
    const courtKey = (court.json.apiKey as { key: string }).key;
    const airlineKey = (airline.json.apiKey as { key: string }).key;
    const enrolment = await call(operatorKey, 'POST', `/v1/subjects/cn-rid:${PERSON.identifier}/enrolment`, {});
    const password = String(enrolment.json.password);

    expect((await call(airlineKey, 'POST', '/v1/checks', FLIGHT)).json.outcome).toBe('allow');
    stream = await connectSse(`${url}/v1/stream`, airlineKey);
    await stream.next((e) => e.event === 'ready');

    const furnished = await call(courtKey, 'POST', '/v1/records', {
      records: [{
        furnisherRef: 'e2e-judgment-1', subject: PERSON, type: 'court.defaulter.refuses_to_perform', occurredAt: '2026-01-15',
        attributes: { caseNumber: '(2026)京0105执77号', court: '北京市朝阳区人民法院', obligation: 'Repay 50000 yuan', amount: 50000 },
        legalBasis: 'Civil Procedure Law, Art. 262',
      }],
    });
    const recordId = (furnished.json.items as { recordId: string }[])[0]?.recordId ?? '';
    const listed = (await stream.next((e) => e.event === 'standing')).data as Change;
    expect(listed.lists.map((l) => l.listId)).toContain('consumption-restricted');

    const denied = await call(airlineKey, 'POST', '/v1/checks', FLIGHT);
    expect(denied.json.outcome).toBe('deny');
    expect(denied.json.reasons).toEqual([expect.objectContaining({ listId: 'consumption-restricted', recordIds: [recordId], legalBasis: expect.stringMatching(/High Consumption/) })]);

    const session = await call(null, 'POST', '/v1/session', { subject: PERSON, password });
    const file = await call(String(session.json.token), 'GET', '/v1/me/file');
    expect(file.json.inquiries).toEqual(expect.arrayContaining([
      expect.objectContaining({ decisionId: denied.json.decisionId, relyingParty: { id: 'airline-e2e', name: 'E2E Airline' }, outcome: 'deny' }),
    ]));

    expect((await call(courtKey, 'POST', `/v1/records/${recordId}/fulfilment`, {})).json.status).toBe('fulfilled');
    const lifted = (await stream.next((e) => e.event === 'standing' && (e.data as Change).lists.length === 0)).data as Change;
    expect(lifted.previous?.lists.map((l) => l.listId)).toContain('consumption-restricted');
    expect((await call(airlineKey, 'POST', '/v1/checks', FLIGHT)).json.outcome).toBe('allow');
    expect(stream.events.filter((e) => e.event === 'standing')).toHaveLength(2);
  });

  it('covers every event in a signed checkpoint of the transparency log within seconds', async () => {
    const events = await call(operatorKey, 'GET', '/v1/audit/events?from=1&limit=1000');
    expect(events.status).toBe(403); // events hold personal data: auditors only
    const deadline = Date.now() + 10_000;
    let size = 0;
    while (Date.now() < deadline) {
      const res = await fetch(`${url}/v1/log/checkpoint`);
      if (res.status === 200) {
        const note = await res.text();
        expect(note.split('\n')[0]).toBe('credence.local/log');
        size = Number(note.split('\n')[1]);
        if (size >= 4) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    // client registrations, the furnished record and its fulfilment are all leaves
    expect(size).toBeGreaterThanOrEqual(4);
  });

  it('stops on SIGTERM with every answered inquiry on disk', async () => {
    stream?.close();
    expect(await server.stop()).toBe(0);
    const service = await openServiceStore(server.db);
    try {
      expect(await service.countInquiries(clientId('airline-e2e'))).toBe(3);
    } finally {
      await service.close();
    }
  });
});
