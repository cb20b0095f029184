import { clientId } from '../core/brand.js';
import type { SqlExec, SqlRow, SqlValue } from './service-sql.js';
import type { DeliveryRow, DeliveryState, WebhookRow, WebhookStore } from './webhook-store.js';

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const WEBHOOK_COLUMNS = ['id', 'client_id', 'key_id', 'url', 'secret', 'created_at', 'missed'] as const;
const webhookValues = (w: WebhookRow): SqlValue[] => [w.id, w.clientId, w.keyId, w.url, w.secret, w.createdAt, w.missed];
const webhookFromRow = (r: SqlRow): WebhookRow => ({
  id: String(r.id), clientId: clientId(String(r.client_id)), keyId: strOrNull(r.key_id), url: String(r.url), secret: String(r.secret),
  createdAt: num(r.created_at), missed: num(r.missed),
});

const DELIVERY_COLUMNS = [
  'id', 'webhook_id', 'created_at', 'kind', 'changes', 'body', 'state', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'delivered_at',
] as const;
const deliveryValues = (d: DeliveryRow): SqlValue[] => [
  d.id, d.webhookId, d.createdAt, d.kind, d.changes, d.body, d.state, d.attempts, d.nextAttemptAt, d.lastStatus, d.lastError, d.deliveredAt,
];
const deliveryFromRow = (r: SqlRow): DeliveryRow => ({
  id: String(r.id), webhookId: String(r.webhook_id), createdAt: num(r.created_at), kind: String(r.kind) as DeliveryRow['kind'],
  changes: num(r.changes), body: String(r.body), state: String(r.state) as DeliveryState, attempts: num(r.attempts),
  nextAttemptAt: numOrNull(r.next_attempt_at), lastStatus: numOrNull(r.last_status), lastError: strOrNull(r.last_error),
  deliveredAt: numOrNull(r.delivered_at),
});

const LIVE = 'select * from webhooks where deleted_at is null';

/** The webhook tables over any dialect's `SqlExec` (the same SQL text on SQLite and PostgreSQL). */
export function webhookStoreOver(x: SqlExec): WebhookStore {
  const one = async (id: string): Promise<DeliveryRow | undefined> => {
    const [row] = await x.all('select * from webhook_deliveries where id = ?', [id]);
    return row ? deliveryFromRow(row) : undefined;
  };
  return {
    putWebhook: async (w) => void (await x.run(`insert into webhooks (${WEBHOOK_COLUMNS.join(', ')}) values (${WEBHOOK_COLUMNS.map(() => '?').join(', ')})`,
      webhookValues(w))),
    webhooksOf: async (client) => (await x.all(`${LIVE} and client_id = ? order by created_at, id`, [client])).map(webhookFromRow),
    activeWebhooks: async () => (await x.all(`${LIVE} order by created_at, id`, [])).map(webhookFromRow),
    webhook: async (id) => {
      const [row] = await x.all(`${LIVE} and id = ?`, [id]);
      return row ? webhookFromRow(row) : undefined;
    },
    deleteWebhook: async (client, id, at) => {
      const n = await x.run('update webhooks set deleted_at = ? where id = ? and client_id = ? and deleted_at is null', [at, id, client]);
      if (n > 0) await x.run('update webhook_deliveries set state = \'cancelled\', next_attempt_at = null where webhook_id = ? and state = \'pending\'', [id]);
      return n;
    },
    addMissed: async (id, changes) => void (await x.run('update webhooks set missed = missed + ? where id = ?', [changes, id])),

    holdCursor: async (holder, now, until, start) => {
      await x.run('insert into webhook_cursor (id, seq, rulebook) values (1, ?, ?) on conflict (id) do nothing', [start.seq, start.rulebook]);
      const held = await x.run('update webhook_cursor set holder = ?, held_until = ? where id = 1 and (holder = ? or held_until is null or held_until < ?)',
        [holder, until, holder, now]);
      if (held === 0) return null;
      const [row] = await x.all('select seq, rulebook from webhook_cursor where id = 1', []);
      return row ? { seq: num(row.seq), rulebook: strOrNull(row.rulebook) } : null;
    },
    moveCursor: async (holder, from, to) =>
      (await x.run('update webhook_cursor set seq = ?, rulebook = ? where id = 1 and holder = ? and seq = ?', [to.seq, to.rulebook, holder, from])) === 1,

    releaseCursor: async (holder) => void (await x.run('update webhook_cursor set held_until = null where id = 1 and holder = ?', [holder])),

    addDeliveries: (rows) => (rows.length === 0 ? Promise.resolve() : x.insertMany('webhook_deliveries', DELIVERY_COLUMNS, rows.map(deliveryValues))),
    countPending: async (id) => num((await x.all('select count(*) as n from webhook_deliveries where webhook_id = ? and state = \'pending\'', [id]))[0]?.n ?? 0),
    claimDue: async (now, leaseUntil, limit) => {
      const due = await x.all(`select d.id, d.next_attempt_at from webhook_deliveries d where d.state = 'pending' and d.next_attempt_at <= ?
        and d.id = (select min(p.id) from webhook_deliveries p where p.webhook_id = d.webhook_id and p.state = 'pending')
        order by d.next_attempt_at limit ?`, [now, limit]);
      const claimed: DeliveryRow[] = [];
      for (const d of due) {
        // Only the server whose update finds the delivery as it was read gets this attempt.
        const won = await x.run('update webhook_deliveries set next_attempt_at = ?, attempts = attempts + 1 where id = ? and state = \'pending\' and next_attempt_at = ?',
          [leaseUntil, String(d.id), num(d.next_attempt_at)]);
        const row = won === 1 ? await one(String(d.id)) : undefined;
        if (row) claimed.push(row);
      }
      return claimed;
    },
    settle: async (id, o) => void (await x.run(
      'update webhook_deliveries set state = ?, next_attempt_at = ?, last_status = ?, last_error = ?, delivered_at = ? where id = ? and state = \'pending\'',
      [o.state, o.nextAttemptAt, o.lastStatus, o.lastError, o.deliveredAt, id],
    )),
    cancel: async (id) => void (await x.run('update webhook_deliveries set state = \'cancelled\', next_attempt_at = null where id = ? and state = \'pending\'', [id])),
    prune: async (before) => {
      const n = await x.run('delete from webhook_deliveries where created_at < ? and state <> \'pending\'', [before]);
      await x.run(`delete from webhooks where deleted_at < ?
        and not exists (select 1 from webhook_deliveries d where d.webhook_id = webhooks.id)`, [before]);
      return n;
    },
    deliveriesOf: async (id, before, limit) => (before === null
      ? await x.all('select * from webhook_deliveries where webhook_id = ? order by id desc limit ?', [id, limit])
      : await x.all('select * from webhook_deliveries where webhook_id = ? and id < ? order by id desc limit ?', [id, before, limit])
    ).map(deliveryFromRow),
  };
}
