import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServerDeps } from '../server-deps.js';
import { startSweeper, type Sweeper } from '../sweeper.js';
import { webhookQueue } from './webhook-queue.js';
import { webhookSender } from './webhook-sender.js';

/** Deliveries are kept this long once settled (delivered, failed or cancelled), for the relying party to look into. */
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;
const HOUR = 3_600_000;

/**
 * Runs the webhooks of a server: every `everyMs` the deliveries of the ledger's new events are queued
 * (rounds follow each other at once while a backlog lasts), and, apart, the due deliveries are sent.
 * Every hour, settled deliveries older than 30 days are deleted.
 */
export function startWebhooks(deps: ServerDeps, everyMs: number, onError: (e: unknown, what: string) => void): Sweeper {
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const sender = webhookSender(deps.store, deps.service, deps.clock, { publicOnly: deps.webhooksPublicOnly });
  // New deliveries go out at once; the sender's own turns pick up retries (and anything this misses).
  const sendingNow = new Set<Promise<void>>();
  const sendNow = (): void => {
    const run = sender.sendDue().then(() => undefined, (e: unknown) => onError(e, 'sending deliveries')).finally(() => sendingNow.delete(run));
    sendingNow.add(run);
  };
  const queue = webhookQueue(deps.store, deps.service, () => deps.standings.rulebook(), deps.clock, {
    holder, windowDays: deps.limits.streamWindowDays, onQueued: sendNow,
  });
  const queuing = startSweeper(async () => {
    while (await queue.round());
  }, everyMs, (e) => onError(e, 'queuing deliveries'), everyMs);
  const sending = startSweeper(() => sender.sendDue(), everyMs, (e) => onError(e, 'sending deliveries'), everyMs);
  const pruning = startSweeper(() => deps.service.webhooks.pruneDeliveries(deps.clock() - DELIVERY_RETENTION_MS), HOUR,
    (e) => onError(e, 'deleting old deliveries'), everyMs);
  return {
    stop: async () => {
      await Promise.all([queuing.stop(), sending.stop(), pruning.stop()]);
      await Promise.all(sendingNow);
      // A server that stops hands the cursor on at once; one that crashed holds it until its lease ends (30 s).
      await deps.service.webhooks.releaseCursor(holder).catch((e: unknown) => onError(e, 'handing the cursor on'));
    },
  };
}
