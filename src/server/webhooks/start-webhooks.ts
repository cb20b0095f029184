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
 * Every hour, settled deliveries older than 30 days are deleted. Stopping waits for the round and the
 * attempts under way (a request takes 10 s at most), not for the rest of a backlog.
 */
export function startWebhooks(deps: ServerDeps, everyMs: number, onError: (e: unknown, what: string) => void): Sweeper {
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let stopped = false;
  const sender = webhookSender(deps.store, deps.service, deps.clock, {
    publicOnly: deps.webhooksPublicOnly, onError: (e) => onError(e, 'an attempt to send a delivery'),
  });
  const queue = webhookQueue(deps.store, deps.service, () => deps.standings.rulebook(), deps.clock, {
    holder, windowDays: deps.limits.streamWindowDays,
    // New deliveries go out at once; the sender's own turns pick up retries (and anything this misses).
    onQueued: () => void sender.sendDue().catch((e: unknown) => onError(e, 'sending deliveries')),
  });
  const queuing = startSweeper(async () => {
    while (!stopped && await queue.round());
  }, everyMs, (e) => onError(e, 'queuing deliveries'), everyMs);
  const sending = startSweeper(() => sender.sendDue(), everyMs, (e) => onError(e, 'sending deliveries'), everyMs);
  const pruning = startSweeper(() => deps.service.webhooks.prune(deps.clock() - DELIVERY_RETENTION_MS), HOUR,
    (e) => onError(e, 'deleting old deliveries'), everyMs);
  return {
    stop: async () => {
      stopped = true;
      await sender.stop();
      await Promise.all([queuing.stop(), sending.stop(), pruning.stop()]);
      // A server that stops hands the cursor on at once; one that crashed holds it until its lease ends (30 s).
      await deps.service.webhooks.releaseCursor(holder).catch((e: unknown) => onError(e, 'handing the cursor on'));
    },
  };
}
