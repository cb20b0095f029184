import type { Instant } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Store } from '../../store/store.js';
import type { AttemptOutcome, DeliveryRow } from '../../store/webhook-store.js';
import { keyStillValid } from '../streams/key-still-valid.js';
import { postWebhook, type WebhookPostOptions, type WebhookPostResult } from './webhook-post.js';

export interface WebhookSenderOptions {
  /** Refuse endpoints whose address is not public (loopback, private networks...). */
  readonly publicOnly: boolean;
  /** Attempts before a delivery is given up (failed). */
  readonly maxAttempts?: number;
  /** The wait after the first failed attempt; it doubles after each, up to `maxBackoffMs`. */
  readonly firstBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Deliveries in flight at once (each to a different webhook). */
  readonly slots?: number;
  /** How long an attempt keeps its delivery from other servers (longer than a request may take). */
  readonly leaseMs?: number;
  /** The HTTP request (tests may count calls); defaults to `postWebhook`. */
  readonly post?: (url: string, body: string, secret: string, deliveryId: string, at: number, options: WebhookPostOptions) => Promise<WebhookPostResult>;
  /** An attempt that failed on this side (the database): its delivery is tried again once its lease ends. */
  readonly onError?: (e: unknown) => void;
}

export interface WebhookSender {
  /**
   * Sends the deliveries due, claiming the next as each attempt ends, until none is due; resolves how
   * many were attempted. A call while a run is under way asks that run to look once more, and shares it.
   */
  sendDue(): Promise<number>;
  /** Claims nothing more; resolves once the attempts under way have ended. */
  stop(): Promise<void>;
}

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export const backoffMs = (attempts: number, first: number, max: number): number => Math.min(max, first * 2 ** Math.max(0, attempts - 1));

/** The delivery log shows the relying party why an attempt failed, but not what the server's resolver answered. */
const shown = (error: string | null): string | null =>
  (error !== null && error.includes('is not public') ? 'the endpoint\'s address is not public: webhooks reach public addresses only' : error);

/**
 * Sends the queued webhook deliveries that are due: each claimed for one attempt (so two servers never
 * send it at once, and a webhook's deliveries go one at a time, oldest first, so none overtakes an
 * older one), POSTed signed, and settled: delivered on a 2xx answer, otherwise tried again after a
 * doubling wait (1 minute, 2, 4, ..., at most 6 hours) until `maxAttempts` have failed (10: the last
 * about 8.5 hours after the first). Up to `slots` webhooks are served at once, so an endpoint that
 * hangs holds up only its own deliveries. A delivery is cancelled when its webhook was deleted, or
 * its client or the key it was registered with is no longer valid.
 */
export function webhookSender(store: Store, service: ServiceStore, clock: () => Instant, options: WebhookSenderOptions): WebhookSender {
  const maxAttempts = options.maxAttempts ?? 10;
  const first = options.firstBackoffMs ?? 60_000;
  const max = options.maxBackoffMs ?? 6 * 3_600_000;
  const slots = options.slots ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  const post = options.post ?? postWebhook;
  const hooks = service.webhooks;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function attempt(d: DeliveryRow): Promise<void> {
    const hook = await hooks.webhook(d.webhookId);
    const valid = hook !== undefined && (hook.keyId === null
      ? (await store.read((tx) => tx.client(hook.clientId)))?.status === 'active'
      : await keyStillValid(store, service, hook.clientId, hook.keyId));
    if (!hook || !valid) {
      await hooks.cancel(d.id);
      return;
    }
    const r = await post(hook.url, d.body, hook.secret, d.id, clock(), { publicOnly: options.publicOnly });
    const done = clock();
    const error = shown(r.error);
    const outcome: AttemptOutcome = r.ok
      ? { state: 'delivered', nextAttemptAt: null, lastStatus: r.status, lastError: null, deliveredAt: done }
      : d.attempts >= maxAttempts
        ? { state: 'failed', nextAttemptAt: null, lastStatus: r.status, lastError: error, deliveredAt: null }
        : { state: 'pending', nextAttemptAt: done + backoffMs(d.attempts, first, max), lastStatus: r.status, lastError: error, deliveredAt: null };
    await hooks.settle(d.id, outcome);
  }

  /** One pass: keeps up to `slots` attempts in flight while deliveries are due. */
  async function drain(): Promise<number> {
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    for (;;) {
      if (!stopped && inFlight.size < slots) {
        const now = clock();
        const claimed = await hooks.claimDue(now, now + leaseMs, slots - inFlight.size);
        for (const d of claimed) {
          const run: Promise<void> = attempt(d).catch((e: unknown) => options.onError?.(e)).finally(() => inFlight.delete(run));
          inFlight.add(run);
        }
        sent += claimed.length;
        if (claimed.length > 0) continue;
      }
      if (inFlight.size === 0) return sent;
      await Promise.race(inFlight);
    }
  }

  return {
    sendDue: () => {
      if (running) {
        again = true;
        return running;
      }
      const run = async (): Promise<number> => {
        let sent = 0;
        do {
          again = false;
          sent += await drain();
        } while (again && !stopped);
        return sent;
      };
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
    stop: async () => {
      stopped = true;
      await running?.catch(() => undefined);
    },
  };
}
