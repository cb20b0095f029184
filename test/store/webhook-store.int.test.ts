import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId } from '../../src/core/brand.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import type { ServiceStore } from '../../src/store/service-store.js';
import type { DeliveryRow } from '../../src/store/webhook-store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const AIRLINE = clientId('airline');
const HOTEL = clientId('hotel');

const hook = (id: string, client = AIRLINE) => ({ id, clientId: client, keyId: 'key-1', url: `https://example.com/${id}`, secret: `whsec_${id}`, createdAt: 1000, missed: 0 });
const delivery = (id: string, webhookId: string, due: number): DeliveryRow => ({
  id, webhookId, createdAt: 1000, kind: 'standing', changes: 1, body: `{"delivery":"${id}"}`, state: 'pending', attempts: 0,
  nextAttemptAt: due, lastStatus: null, lastError: null, deliveredAt: null,
});

function webhookStoreSuite(name: string, open: () => Promise<ServiceStore>): void {
  describe(`webhook tables: ${name}`, () => {
    let s: ServiceStore;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s.close();
    });

    it('lists a client\'s webhooks only, and a deleted one is gone with its waiting deliveries cancelled', async () => {
      await s.webhooks.putWebhook(hook('whk_a'));
      await s.webhooks.putWebhook(hook('whk_b', HOTEL));
      await s.webhooks.addDeliveries([delivery('dlv_1', 'whk_a', 1000), delivery('dlv_2', 'whk_a', 1000)]);
      expect((await s.webhooks.webhooksOf(AIRLINE)).map((w) => w.id)).toEqual(['whk_a']);
      expect(await s.webhooks.deleteWebhook(HOTEL, 'whk_a', 2000)).toBe(0);
      expect(await s.webhooks.deleteWebhook(AIRLINE, 'whk_a', 2000)).toBe(1);
      expect(await s.webhooks.deleteWebhook(AIRLINE, 'whk_a', 2001)).toBe(0);
      expect(await s.webhooks.webhook('whk_a')).toBeUndefined();
      expect((await s.webhooks.activeWebhooks()).map((w) => w.id)).toEqual(['whk_b']);
      expect((await s.webhooks.deliveriesOf('whk_a', null, 10)).map((d) => [d.id, d.state])).toEqual([['dlv_2', 'cancelled'], ['dlv_1', 'cancelled']]);
      expect(await s.webhooks.claimDue(5000, 6000, 10)).toEqual([]);
    });

    it('gives a webhook\'s oldest pending delivery to one claimant at a time, and the next one only once it is settled', async () => {
      await s.webhooks.putWebhook(hook('whk_c'));
      await s.webhooks.addDeliveries([delivery('dlv_3', 'whk_b', 1000), delivery('dlv_4', 'whk_b', 900), delivery('dlv_5', 'whk_c', 3000)]);
      const [first, second] = await Promise.all([s.webhooks.claimDue(5000, 65_000, 10), s.webhooks.claimDue(5000, 65_000, 10)]);
      const claimed = [...(first ?? []), ...(second ?? [])].map((d) => [d.id, d.attempts]);
      // dlv_4 is due earlier, but dlv_3 came first: it goes first.
      expect(claimed.sort()).toEqual([['dlv_3', 1], ['dlv_5', 1]]);
      expect(await s.webhooks.claimDue(8000, 70_000, 10)).toEqual([]);
      // The lease ran out (the claimant died): the same delivery is tried again, as a second attempt.
      expect((await s.webhooks.claimDue(65_000, 125_000, 10)).map((d) => [d.id, d.attempts]).sort()).toEqual([['dlv_3', 2], ['dlv_5', 2]]);
      await s.webhooks.settle('dlv_3', { state: 'delivered', nextAttemptAt: null, lastStatus: 204, lastError: null, deliveredAt: 66_000 });
      expect((await s.webhooks.claimDue(66_000, 126_000, 10)).map((d) => [d.id, d.attempts])).toEqual([['dlv_4', 1]]);
      await s.webhooks.settle('dlv_4', { state: 'pending', nextAttemptAt: 200_000, lastStatus: 500, lastError: 'HTTP 500', deliveredAt: null });
      expect(await s.webhooks.countPending('whk_b')).toBe(1);
      const [dlv4, dlv3] = await s.webhooks.deliveriesOf('whk_b', null, 10);
      expect(dlv3).toMatchObject({ state: 'delivered', lastStatus: 204, deliveredAt: 66_000, attempts: 2 });
      expect(dlv4).toMatchObject({ state: 'pending', nextAttemptAt: 200_000, lastError: 'HTTP 500' });
      expect((await s.webhooks.deliveriesOf('whk_b', 'dlv_4', 10)).map((d) => d.id)).toEqual(['dlv_3']);
      await s.webhooks.cancel('dlv_5');
      // All made at 1000: the settled ones go (with the two cancelled ones of whk_a), and so does whk_a, deleted
      // and with none left; the pending one stays whatever its age.
      expect(await s.webhooks.prune(1000)).toBe(0);
      expect(await s.webhooks.prune(2001)).toBe(4);
      expect((await s.webhooks.deliveriesOf('whk_b', null, 10)).map((d) => d.id)).toEqual(['dlv_4']);
      expect(await s.webhooks.deliveriesOf('whk_a', null, 10)).toEqual([]);
      await s.webhooks.putWebhook(hook('whk_a')); // its id is free again: the row is gone
    });

    it('stores more deliveries at once than one statement may bind', async () => {
      const rows = Array.from({ length: 6000 }, (_, i) => delivery(`dlv_many_${String(i).padStart(5, '0')}`, 'whk_many', 1000));
      await s.webhooks.addDeliveries(rows);
      expect(await s.webhooks.countPending('whk_many')).toBe(6000);
    });

    it('lets one holder at a time move the cursor, and another take it once the lease ran out', async () => {
      expect(await s.webhooks.holdCursor('one', 1000, 31_000, { seq: 7, rulebook: 'v1' })).toEqual({ seq: 7, rulebook: 'v1' });
      expect(await s.webhooks.holdCursor('two', 2000, 32_000, { seq: 99, rulebook: 'v9' })).toBeNull();
      expect(await s.webhooks.moveCursor('two', 7, { seq: 50, rulebook: 'v1' })).toBe(false);
      expect(await s.webhooks.moveCursor('one', 6, { seq: 50, rulebook: 'v1' })).toBe(false);
      expect(await s.webhooks.moveCursor('one', 7, { seq: 12, rulebook: 'v2' })).toBe(true);
      expect(await s.webhooks.holdCursor('one', 20_000, 50_000, { seq: 99, rulebook: 'v9' })).toEqual({ seq: 12, rulebook: 'v2' });
      expect(await s.webhooks.holdCursor('two', 50_001, 80_000, { seq: 99, rulebook: 'v9' })).toEqual({ seq: 12, rulebook: 'v2' });
      expect(await s.webhooks.moveCursor('one', 12, { seq: 13, rulebook: 'v2' })).toBe(false);
      // A holder that stops hands it on before its lease ends; another's release changes nothing.
      await s.webhooks.releaseCursor('one');
      expect(await s.webhooks.holdCursor('one', 50_002, 80_000, { seq: 99, rulebook: 'v9' })).toBeNull();
      await s.webhooks.releaseCursor('two');
      expect(await s.webhooks.holdCursor('one', 50_003, 80_000, { seq: 99, rulebook: 'v9' })).toEqual({ seq: 12, rulebook: 'v2' });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'credence-webhooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
webhookStoreSuite('sqlite', () => openServiceStore(`sqlite:${join(dir, 'service.db')}`));

let pg: TestPostgres | undefined;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());
webhookStoreSuite('postgres', async () => {
  if (!pg) throw new Error('the PostgreSQL test server did not start');
  return openServiceStore(await pg.createDatabase('webhooks'));
});
