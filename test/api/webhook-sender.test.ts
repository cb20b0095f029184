import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { postWebhook } from '../../src/server/webhooks/webhook-post.js';
import { webhookSender, type WebhookSenderOptions } from '../../src/server/webhooks/webhook-sender.js';
import type { DeliveryRow } from '../../src/store/webhook-store.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { startHarness, type Harness } from './support/api-harness.js';

describe('webhook sender', () => {
  let h: Harness;
  let receiver: Receiver;
  let hung: Server;
  let hungUrl = '';
  let keyId = '';
  let n = 0;
  const AIRLINE = clientId('airline');

  const hook = async (url: string): Promise<string> => {
    const id = `whk_${String(++n).padStart(26, '0')}`;
    await h.service.webhooks.putWebhook({ id, clientId: AIRLINE, keyId, url, secret: 'whsec_test', createdAt: h.clock.now, missed: 0 });
    return id;
  };
  const queue = async (webhookId: string, name: string): Promise<string> => {
    const id = `dlv_${String(++n).padStart(26, '0')}`;
    const row: DeliveryRow = {
      id, webhookId, createdAt: h.clock.now, kind: 'standing', changes: 1, body: JSON.stringify({ delivery: id, name }), state: 'pending',
      attempts: 0, nextAttemptAt: h.clock.now, lastStatus: null, lastError: null, deliveredAt: null,
    };
    await h.service.webhooks.addDeliveries([row]);
    return id;
  };
  const sender = (options: Partial<WebhookSenderOptions> = {}) => webhookSender(h.store, h.service, () => h.clock.now, {
    publicOnly: false, post: (u, b, s, i, a, o) => postWebhook(u, b, s, i, a, { ...o, timeoutMs: 3000 }), ...options,
  });
  const delivery = async (webhookId: string, id: string) => (await h.service.webhooks.deliveriesOf(webhookId, null, 100)).find((d) => d.id === id);
  const names = (): string[] => receiver.received.map((r) => (JSON.parse(r.body) as { name: string }).name);

  beforeAll(async () => {
    hung = createServer(() => undefined); // takes requests and never answers
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    hung.closeAllConnections();
    await new Promise((resolve) => hung.close(resolve));
  });
  beforeEach(async () => {
    h = await startHarness();
    receiver = await startReceiver();
    keyId = (await h.service.apiKeysOf(AIRLINE))[0]?.id ?? '';
  });
  afterEach(async () => {
    await receiver.close();
    await h.close();
  });

  it('sends a webhook\'s deliveries one at a time, oldest first: one being retried holds back the newer', async () => {
    const w = await hook(`${receiver.url}/a`);
    const listed = await queue(w, 'listed');
    const paid = await queue(w, 'paid');
    receiver.answer(500);
    expect(await sender().sendDue()).toBe(1);
    expect(names()).toEqual(['listed']);
    expect(await delivery(w, listed)).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, nextAttemptAt: h.clock.now + 60_000 });
    expect(await delivery(w, paid)).toMatchObject({ state: 'pending', attempts: 0 });
    receiver.answer(204);
    h.clock.now += 60_000;
    expect(await sender().sendDue()).toBe(2);
    expect(names()).toEqual(['listed', 'listed', 'paid']);
    expect(await delivery(w, paid)).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('lets an endpoint that never answers hold up only its own deliveries', async () => {
    const stuck = await hook(hungUrl);
    await queue(stuck, 'stuck');
    const fine = await hook(`${receiver.url}/b`);
    await queue(fine, 'fine');
    const run = sender().sendDue();
    await receiver.next((r) => r.path === '/b', 2500); // long before the stuck one times out (3 s)
    expect(await run).toBe(2);
    const [d] = await h.service.webhooks.deliveriesOf(stuck, null, 1);
    expect(d).toMatchObject({ state: 'pending', lastStatus: null, lastError: 'timed out after 3000 ms' });
  });

  it('gives a delivery up after the last attempt', async () => {
    const w = await hook(`${receiver.url}/c`);
    const id = await queue(w, 'doomed');
    receiver.answer(503);
    const s = sender({ maxAttempts: 2 });
    await s.sendDue();
    h.clock.now += 60_000;
    await s.sendDue();
    h.clock.now += 600_000;
    expect(await s.sendDue()).toBe(0);
    expect(await delivery(w, id)).toMatchObject({ state: 'failed', attempts: 2, lastStatus: 503, nextAttemptAt: null });
  });

  it('cancels, unsent, what waits for a webhook whose key was revoked', async () => {
    const w = await hook(`${receiver.url}/d`);
    const id = await queue(w, 'after revocation');
    await h.service.revokeApiKey(AIRLINE, keyId, h.clock.now);
    expect(await sender().sendDue()).toBe(1);
    expect(await delivery(w, id)).toMatchObject({ state: 'cancelled', attempts: 1 });
    expect(receiver.received).toEqual([]);
  });

  it('tells the relying party an address is not public without showing what the server resolved', async () => {
    const w = await hook(`${receiver.url.replace('127.0.0.1', 'localhost')}/e`);
    const id = await queue(w, 'inward');
    await sender({ publicOnly: true, post: postWebhook }).sendDue();
    const d = await delivery(w, id);
    expect(d).toMatchObject({ state: 'pending', lastError: 'the endpoint\'s address is not public: webhooks reach public addresses only' });
    expect(receiver.received).toEqual([]);
  });
});
