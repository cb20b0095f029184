import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { webhookQueue, type WebhookQueueOptions } from '../../src/server/webhooks/webhook-queue.js';
import { defaulterRecord, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

describe('webhook queue', () => {
  let h: Harness;
  const queue = (options: Partial<WebhookQueueOptions> = {}) =>
    webhookQueue(h.store, h.service, () => h.app.deps.standings.rulebook(), () => h.clock.now, { holder: 'test', windowDays: 30, ...options });
  const furnish = (ref: string, subject: typeof PERSON | typeof OTHER_PERSON, occurredAt = '2026-03-01') =>
    h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord(ref, subject, occurredAt)] } });
  const register = async (keyId: string | null = null): Promise<string> => {
    const id = `whk_${String(Math.random()).slice(2, 12).padEnd(26, '0')}`;
    await h.service.webhooks.putWebhook({ id, clientId: clientId('airline'), keyId, url: 'https://airline.example.com/', secret: 's', createdAt: h.clock.now, missed: 0 });
    return id;
  };
  const queued = async (id: string) => (await h.service.webhooks.deliveriesOf(id, null, 100)).map((d) => JSON.parse(d.body) as { changes?: { subjectId: string }[] });

  beforeEach(async () => {
    h = await startHarness();
    for (const subject of [PERSON, OTHER_PERSON]) await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject, ...FLIGHT } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('starts a webhook registered later from the ledger as it then is: what came before is not sent', async () => {
    const q = queue();
    await q.round(); // nobody to tell: the cursor follows the head
    await furnish('before', PERSON);
    await q.round();
    const id = await register();
    expect(await q.round()).toBe(false);
    expect(await queued(id)).toEqual([]);
    await furnish('after', OTHER_PERSON);
    await q.round();
    expect((await queued(id)).flatMap((d) => d.changes ?? []).map((c) => c.subjectId)).toEqual([`cn-rid:${OTHER_PERSON.identifier}`]);
  });

  it('works off a backlog a bounded number of events per round, losing none', async () => {
    const q = queue({ maxEvents: 1 });
    const id = await register();
    await q.round();
    await furnish('one', PERSON);
    await furnish('two', OTHER_PERSON);
    await furnish('three', PERSON, '2026-04-01');
    const rounds: boolean[] = [];
    for (let more = true; more;) rounds.push(more = await q.round());
    expect(rounds).toEqual([true, true, false]);
    expect((await queued(id)).reverse().flatMap((d) => d.changes ?? []).map((c) => c.subjectId))
      .toEqual([PERSON, OTHER_PERSON, PERSON].map((s) => `cn-rid:${s.identifier}`));
  });

  it('deletes, and queues nothing for, a webhook whose key was revoked', async () => {
    const q = queue();
    const [key] = await h.service.apiKeysOf(clientId('airline'));
    const id = await register(key?.id ?? null);
    await q.round();
    await h.service.revokeApiKey(clientId('airline'), key?.id ?? '', h.clock.now);
    await furnish('after-revocation', PERSON);
    await q.round();
    expect(await queued(id)).toEqual([]);
    expect(await h.service.webhooks.webhook(id)).toBeUndefined();
  });

  it('counts the changes that find a webhook\'s queue full as missed, instead of queuing without end', async () => {
    const q = queue({ maxPending: 1, perDelivery: 1 });
    const id = await register();
    await q.round();
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [defaulterRecord('a', PERSON), defaulterRecord('b', OTHER_PERSON)] } });
    await q.round();
    expect(await queued(id)).toHaveLength(1);
    expect((await h.service.webhooks.webhook(id))?.missed).toBe(1);
  });
});
