import type { ClientId, Instant } from '../core/brand.js';

/** A relying party's webhook: where its deliveries go and the secret they are signed with. */
export interface WebhookRow {
  readonly id: string;
  readonly clientId: ClientId;
  /** The API key it was registered with. */
  readonly keyId: string | null;
  readonly url: string;
  /** The signing secret: held by the server, which must sign with it (never shown again after registration). */
  readonly secret: string;
  readonly createdAt: Instant;
  /** Standing changes not queued for it because its queue was full. */
  readonly missed: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** One delivery to a webhook: its body as signed and sent, and what became of its attempts. */
export interface DeliveryRow {
  readonly id: string;
  readonly webhookId: string;
  readonly createdAt: Instant;
  readonly kind: 'standing' | 'rulebook';
  /** Standing changes it carries (0 for a rulebook delivery). */
  readonly changes: number;
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** When it is tried next (pending only); while an attempt runs, when that attempt's lease ends. */
  readonly nextAttemptAt: Instant | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: Instant | null;
}

/** The position in the ledger up to which standing changes were queued, and the rulebook then in force. */
export interface WebhookCursor {
  readonly seq: number;
  readonly rulebook: string | null;
}

/** What became of an attempt: delivered, failed for good, or pending again from `nextAttemptAt`. */
export interface AttemptOutcome {
  readonly state: Exclude<DeliveryState, 'cancelled'>;
  readonly nextAttemptAt: Instant | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: Instant | null;
}

/** The webhook tables of the service store. Several servers may share them: leases say who works on what. */
export interface WebhookStore {
  putWebhook(w: WebhookRow): Promise<void>;
  /** The client's webhooks in use, oldest first. */
  webhooksOf(clientId: ClientId): Promise<readonly WebhookRow[]>;
  /** Every webhook in use. */
  activeWebhooks(): Promise<readonly WebhookRow[]>;
  /** A webhook in use, by id. */
  webhook(id: string): Promise<WebhookRow | undefined>;
  /** Stops a client's webhook and cancels its pending deliveries; returns 1, or 0 when not the client's or stopped already. */
  deleteWebhook(clientId: ClientId, id: string, at: Instant): Promise<number>;
  /** Counts changes that were not queued for a webhook. */
  addMissed(id: string, changes: number): Promise<void>;

  /**
   * Takes (or renews) the lease on the cursor for `holder` until `until`, creating the cursor at `start`
   * when there is none; resolves the cursor, or null while another holder's lease runs.
   */
  holdCursor(holder: string, now: Instant, until: Instant, start: WebhookCursor): Promise<WebhookCursor | null>;
  /** Moves the cursor from `from` (its position as this holder read it), if `holder` still holds it there; false otherwise. */
  moveCursor(holder: string, from: number, to: WebhookCursor): Promise<boolean>;
  /** Ends `holder`'s lease (it is stopping), so another server takes the cursor at once. */
  releaseCursor(holder: string): Promise<void>;

  addDeliveries(rows: readonly DeliveryRow[]): Promise<void>;
  /** Pending deliveries of a webhook. */
  countPending(webhookId: string): Promise<number>;
  /**
   * Claims up to `limit` deliveries due at `now`, each the oldest pending one of its webhook (so a
   * webhook's deliveries go one at a time, in order), for one attempt: its attempts grow by one and it
   * is not due again before `leaseUntil`, so no other server tries it, nor a newer one of its webhook.
   */
  claimDue(now: Instant, leaseUntil: Instant, limit: number): Promise<readonly DeliveryRow[]>;
  /** Records an attempt's outcome (a cancelled delivery stays cancelled). */
  settle(id: string, outcome: AttemptOutcome): Promise<void>;
  cancel(id: string): Promise<void>;
  /** Deletes deliveries made before `before` that are no longer pending, then webhooks deleted before it with none left; returns the deliveries deleted. */
  prune(before: Instant): Promise<number>;
  /** A webhook's deliveries, newest first, strictly before `before` (an id) when given. */
  deliveriesOf(webhookId: string, before: string | null, limit: number): Promise<readonly DeliveryRow[]>;
}
