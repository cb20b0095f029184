import type { Instant } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Store } from '../../store/store.js';
import type { AttemptOutcome, DeliveryRow } from '../../store/webhook-store.js';
import { postWebhook, type WebhookPostOptions, type WebhookPostResult } from './webhook-post.js';

export interface WebhookSenderOptions {
  /** Refuse endpoints whose address is not public (loopback, private networks...). */
  readonly publicOnly: boolean;
  /** Attempts before a delivery is given up (failed). */
  readonly maxAttempts?: number;
  /** The wait after the first failed attempt; it doubles after each, up to `maxBackoffMs`. */
  readonly firstBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Deliveries attempted at once. */
  readonly batch?: number;
  /** How long an attempt keeps its delivery from other servers (longer than a request may take). */
  readonly leaseMs?: number;
  /** The HTTP request (tests may count calls); defaults to `postWebhook`. */
  readonly post?: (url: string, body: string, secret: string, deliveryId: string, at: number, options: WebhookPostOptions) => Promise<WebhookPostResult>;
}

export interface WebhookSender {
  /** Attempts the deliveries due now, a batch at a time until none is due; resolves how many were attempted. */
  sendDue(): Promise<number>;
}

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export const backoffMs = (attempts: number, first: number, max: number): number => Math.min(max, first * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the queued webhook deliveries that are due: each claimed for one attempt (so two servers never
 * send it at once), POSTed signed, and settled: delivered on a 2xx answer, otherwise tried again after
 * a doubling wait (1 minute, 2, 4, ..., at most 6 hours) until `maxAttempts` have failed (10: the
 * last about 8.5 hours after the first). A delivery of a webhook deleted meanwhile, or of a client no longer active, is cancelled.
 */
export function webhookSender(store: Store, service: ServiceStore, clock: () => Instant, options: WebhookSenderOptions): WebhookSender {
  const maxAttempts = options.maxAttempts ?? 10;
  const first = options.firstBackoffMs ?? 60_000;
  const max = options.maxBackoffMs ?? 6 * 3_600_000;
  const batch = options.batch ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  const post = options.post ?? postWebhook;
  const hooks = service.webhooks;

  async function attempt(d: DeliveryRow): Promise<void> {
    const hook = await hooks.webhook(d.webhookId);
    const client = hook ? await store.read((tx) => tx.client(hook.clientId)) : undefined;
    if (!hook || client?.status !== 'active') {
      await hooks.cancel(d.id);
      return;
    }
    const at = clock();
    const r = await post(hook.url, d.body, hook.secret, d.id, at, { publicOnly: options.publicOnly });
    const done = clock();
    const outcome: AttemptOutcome = r.ok
      ? { state: 'delivered', nextAttemptAt: null, lastStatus: r.status, lastError: null, deliveredAt: done }
      : d.attempts >= maxAttempts
        ? { state: 'failed', nextAttemptAt: null, lastStatus: r.status, lastError: r.error, deliveredAt: null }
        : { state: 'pending', nextAttemptAt: done + backoffMs(d.attempts, first, max), lastStatus: r.status, lastError: r.error, deliveredAt: null };
    await hooks.settle(d.id, outcome);
  }

  return {
    sendDue: async () => {
      let sent = 0;
      for (;;) {
        const now = clock();
        const due = await hooks.claimDue(now, now + leaseMs, batch);
        if (due.length === 0) return sent;
        await Promise.all(due.map(attempt));
        sent += due.length;
      }
    },
  };
}
