import type { ClientId, Instant, SubjectId } from '../../core/brand.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Store } from '../../store/store.js';
import type { DeliveryRow, WebhookCursor, WebhookRow } from '../../store/webhook-store.js';
import type { StandingChange } from '../changes/change-feed.js';
import { eventsIn, standingChangesOf } from '../changes/standing-changes-of.js';
import { timeOrderedId } from '../inquiries/time-ordered-id.js';
import { iso } from '../schemas/common.js';
import { standingChangeView } from '../views/standing-change-view.js';

export interface WebhookQueueOptions {
  /** Who this process is, for the cursor's lease. */
  readonly holder: string;
  /** A relying party's webhooks carry changes of the subjects it checked within this many days. */
  readonly windowDays: number;
  /** The cursor's lease, renewed at every round. */
  readonly leaseMs?: number;
  /** Ledger events read in one round at most. */
  readonly maxEvents?: number;
  /** Standing changes in one delivery at most. */
  readonly perDelivery?: number;
  /** Deliveries waiting for one webhook at most; changes beyond are counted as missed. */
  readonly maxPending?: number;
  /** Called after a round stored deliveries (to send them without waiting for the next turn of the sender). */
  readonly onQueued?: (deliveries: number) => void;
}

export interface WebhookQueue {
  /** One round: queues the deliveries for the events appended since the cursor; true when a backlog is left. */
  round(): Promise<boolean>;
}

const DAY = 86_400_000;
const LOOKUP_CHUNK = 1000;

/**
 * Queues webhook deliveries from the ledger itself, so every change reaches them whoever committed it
 * (this server, `credence import` beside it, another server on the same database) and none is lost to
 * a crash: a cursor over the ledger's sequence, kept in the service tables, moves only after the
 * deliveries up to it are stored. One server at a time holds the cursor (a lease renewed each round).
 * A crash between storing deliveries and moving the cursor queues those changes again: delivery is at
 * least once, and receivers tell repeats by the delivery id. Time-driven changes (a listing's term
 * ending, a record expiring) append no event and are not delivered: each change carries its lists' `until`.
 */
export function webhookQueue(
  store: Store, service: ServiceStore, rulebook: () => Promise<CompiledRulebook>, clock: () => Instant, options: WebhookQueueOptions,
): WebhookQueue {
  const { holder, windowDays } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxEvents = options.maxEvents ?? 20_000;
  const perDelivery = options.perDelivery ?? 100;
  const maxPending = options.maxPending ?? 1000;
  const hooks = service.webhooks;
  /** Where this process last left the cursor with no webhook to serve, so an idle server writes nothing. */
  let idleAt: number | null = null;
  let held: { readonly cursor: WebhookCursor; readonly until: Instant } | null = null;

  const delivery = (hook: WebhookRow, at: Instant, kind: DeliveryRow['kind'], changes: number, content: object): DeliveryRow => {
    const id = timeOrderedId('dlv_', at);
    return {
      id, webhookId: hook.id, createdAt: at, kind, changes, body: JSON.stringify({ delivery: id, webhook: hook.id, type: kind, ...content }),
      state: 'pending', attempts: 0, nextAttemptAt: at, lastStatus: null, lastError: null, deliveredAt: null,
    };
  };

  /** The changes among these that the client checked within the window. */
  async function checkedOf(clientId: WebhookRow['clientId'], changes: readonly StandingChange[], since: Instant): Promise<StandingChange[]> {
    const mine: StandingChange[] = [];
    for (let i = 0; i < changes.length; i += LOOKUP_CHUNK) {
      const chunk = changes.slice(i, i + LOOKUP_CHUNK);
      const checked = new Set<SubjectId>(await service.checkedBy(clientId, chunk.map((c) => c.subjectId), since));
      mine.push(...chunk.filter((c) => checked.has(c.subjectId)));
    }
    return mine;
  }

  /**
   * The deliveries of one webhook: the rulebook news, then its changes in slices, as many as its queue has room
   * for; the changes left over are noted in `missed`, counted once the deliveries are stored.
   */
  async function deliveriesFor(
    hook: WebhookRow, changes: readonly StandingChange[], news: string | null, now: Instant, missed: Map<string, number>,
  ): Promise<DeliveryRow[]> {
    const rows: DeliveryRow[] = [];
    if (news !== null) rows.push(delivery(hook, now, 'rulebook', 0, { rulebook: { version: news, at: iso(now) } }));
    const mine = await checkedOf(hook.clientId, changes.filter((c) => c.at >= hook.createdAt), now - windowDays * DAY);
    if (mine.length === 0) return rows;
    const room = Math.max(0, maxPending - (await hooks.countPending(hook.id)) - rows.length) * perDelivery;
    for (let i = 0; i < Math.min(mine.length, room); i += perDelivery) {
      const slice = mine.slice(i, Math.min(i + perDelivery, room));
      rows.push(delivery(hook, now, 'standing', slice.length, { changes: slice.map(standingChangeView) }));
    }
    if (mine.length > room) missed.set(hook.id, mine.length - room);
    return rows;
  }

  /** Webhooks whose key and client still admit them; the others are deleted, their waiting deliveries cancelled. */
  async function admitted(active: readonly WebhookRow[], now: Instant): Promise<WebhookRow[]> {
    const clients = new Map<ClientId, { readonly active: boolean; readonly keys: ReadonlySet<string> }>();
    for (const id of new Set(active.map((w) => w.clientId))) {
      const [keys, client] = await Promise.all([service.apiKeysOf(id), store.read((tx) => tx.client(id))]);
      clients.set(id, { active: client?.status === 'active', keys: new Set(keys.filter((k) => k.revokedAt === null).map((k) => k.id)) });
    }
    const kept: WebhookRow[] = [];
    for (const w of active) {
      const c = clients.get(w.clientId);
      if (c?.active === true && (w.keyId === null || c.keys.has(w.keyId))) kept.push(w);
      else await hooks.deleteWebhook(w.clientId, w.id, now);
    }
    return kept;
  }

  /** The cursor, leased: the lease is renewed (a write) only once half of it has run. */
  async function hold(now: Instant, start: WebhookCursor): Promise<WebhookCursor | null> {
    if (held !== null && now < held.until - leaseMs / 2) return held.cursor;
    const cursor = await hooks.holdCursor(holder, now, now + leaseMs, start);
    held = cursor === null ? null : { cursor, until: now + leaseMs };
    return cursor;
  }

  /** Moves the cursor from where this process read it; false when another server holds it now. */
  async function move(from: WebhookCursor, to: WebhookCursor): Promise<boolean> {
    if (to.seq === from.seq && to.rulebook === from.rulebook) return true;
    const moved = await hooks.moveCursor(holder, from.seq, to);
    held = moved && held !== null ? { ...held, cursor: to } : null;
    return moved;
  }

  return {
    round: async () => {
      const now = clock();
      const head = await store.read((tx) => tx.head());
      const start: WebhookCursor = { seq: head.nextSeq, rulebook: head.currentRulebook };
      const active = await hooks.activeWebhooks();
      if (active.length === 0 && idleAt === head.nextSeq) return false;
      const cursor = await hold(now, start);
      if (cursor === null) return false;
      if (active.length === 0) {
        // Nobody to tell: the cursor follows the head, so a webhook registered later starts from there.
        if (await move(cursor, start)) idleAt = head.nextSeq;
        return false;
      }
      idleAt = null;
      const { events, to } = await eventsIn(store, [[cursor.seq, head.nextSeq]], maxEvents);
      const upTo = Math.max(cursor.seq, to ?? head.nextSeq);
      // A rulebook that took effect is news once the events before it are queued.
      const news = to === null && head.currentRulebook !== null && head.currentRulebook !== cursor.rulebook ? head.currentRulebook : null;
      if (events.length === 0 && news === null) return false; // nothing happened: nothing read or written
      const changes = await standingChangesOf(store, events, upTo, rulebook);
      const hooksNow = await admitted(active, now);
      const rows: DeliveryRow[] = [];
      const missed = new Map<string, number>();
      for (const hook of hooksNow) rows.push(...await deliveriesFor(hook, changes, news, clock(), missed));
      if (rows.length > 0 || missed.size > 0) {
        // Still this server's, where it read it, with a whole lease ahead: another server cannot queue the same changes meanwhile.
        held = null;
        const still = await hold(clock(), start);
        if (still === null || still.seq !== cursor.seq) return false;
        await hooks.addDeliveries(rows);
        for (const [id, n] of missed) await hooks.addMissed(id, n);
      }
      if (!(await move(cursor, { seq: upTo, rulebook: news ?? cursor.rulebook }))) {
        throw new Error('the webhook cursor was taken over during a round: its deliveries may be queued twice');
      }
      if (rows.length > 0) options.onQueued?.(rows.length);
      return to !== null;
    },
  };
}
