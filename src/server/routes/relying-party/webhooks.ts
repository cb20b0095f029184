import { randomBytes } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import type { DeliveryRow, WebhookRow } from '../../../store/webhook-store.js';
import { timeOrderedId } from '../../inquiries/time-ordered-id.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, iso, IsoTime, isoOrNull, limitQuery, Nullable, type View } from '../../schemas/common.js';
import type { ServerDeps } from '../../server-deps.js';
import { webhookUrlProblem } from '../../webhooks/webhook-url.js';
import { routeSchema } from '../route-schema.js';

const RELYING_PARTY = ['relying_party'] as const;
/** Webhooks one relying party may have in use. */
export const MAX_WEBHOOKS = 4;

const Id = Type.String({ pattern: '^whk_[0-9a-z]{26}$' });
const IdParams = Type.Object({ webhookId: Id }, closed);
const WebhookBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'Where deliveries are POSTed: https, at a public address', examples: ['https://counter.example.com/credence'] }),
}, closed);
const WebhookView = Type.Object({
  id: Id, url: Type.String(), createdAt: IsoTime, keyId: Nullable(Type.String()),
  missed: Type.Integer({ description: 'Standing changes not queued because 1,000 deliveries were waiting: check those subjects again' }),
}, closed);
const CreatedView = Type.Object({
  id: Id, url: Type.String(), createdAt: IsoTime, keyId: Nullable(Type.String()),
  secret: Type.String({ description: 'Signs every delivery (Credence-Signature). Shown only now: keep it.' }),
}, closed);
const DeliveryView = Type.Object({
  id: Type.String(), createdAt: IsoTime, type: Type.Union([Type.Literal('standing'), Type.Literal('rulebook')]),
  changes: Type.Integer(), state: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('cancelled')]),
  attempts: Type.Integer(), nextAttemptAt: Nullable(IsoTime), lastStatus: Nullable(Type.Integer()), lastError: Nullable(Type.String()),
  deliveredAt: Nullable(IsoTime),
}, closed);

const webhookView = (w: WebhookRow): View<typeof WebhookView> => ({ id: w.id, url: w.url, createdAt: iso(w.createdAt), keyId: w.keyId, missed: w.missed });
const deliveryView = (d: DeliveryRow): View<typeof DeliveryView> => ({
  id: d.id, createdAt: iso(d.createdAt), type: d.kind, changes: d.changes, state: d.state, attempts: d.attempts,
  nextAttemptAt: d.state === 'pending' ? isoOrNull(d.nextAttemptAt) : null, lastStatus: d.lastStatus, lastError: d.lastError, deliveredAt: isoOrNull(d.deliveredAt),
});

/** A relying party's webhooks: the standing changes its streams carry, POSTed to an endpoint of its own, signed, retried until answered. */
export function webhookRoutes(deps: ServerDeps): FastifyPluginAsync {
  const hooks = deps.service.webhooks;
  const own = async (clientId: string, id: string): Promise<WebhookRow> => {
    const w = await hooks.webhook(id);
    if (!w || w.clientId !== clientId) throw new CredenceError('not_found', `you have no webhook ${id}`);
    return w;
  };
  return async (app) => {
    app.post<{ Body: Static<typeof WebhookBody> }>('/v1/webhooks', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'Register a webhook: standing changes of subjects you checked, POSTed to your endpoint',
        description: `Each change of a subject you checked within the last ${deps.limits.streamWindowDays} days, and each rulebook taking effect, `
          + 'is POSTed as JSON {delivery, webhook, type, changes | rulebook}, signed: Credence-Signature: t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>" '
          + 'under the secret this answer shows once>. A delivery not answered 2xx is tried again after 1 minute, then 2, 4, ... minutes: 10 attempts in all. '
          + `At most ${MAX_WEBHOOKS} webhooks per relying party.`,
        body: WebhookBody,
        response: { 201: CreatedView },
      }),
    }, async (request, reply): Promise<View<typeof CreatedView>> => {
      const { client, keyId } = clientOf(request);
      const problem = webhookUrlProblem(request.body.url, deps.webhooksPublicOnly);
      if (problem !== null) throw new CredenceError('invalid_request', problem);
      if ((await hooks.webhooksOf(client.id)).length >= MAX_WEBHOOKS) {
        throw new CredenceError('limit_reached', `you have ${MAX_WEBHOOKS} webhooks already; delete one first`);
      }
      const at = deps.clock();
      const row: WebhookRow = {
        id: timeOrderedId('whk_', at), clientId: client.id, keyId, url: new URL(request.body.url).href, secret: `whsec_${randomBytes(32).toString('base64url')}`,
        createdAt: at, missed: 0,
      };
      await hooks.putWebhook(row);
      reply.code(201);
      return { id: row.id, url: row.url, createdAt: iso(at), keyId, secret: row.secret };
    });

    app.get('/v1/webhooks', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'Your webhooks (without their secrets)', response: { 200: Type.Object({ webhooks: Type.Array(WebhookView) }, closed) },
      }),
    }, async (request) => ({ webhooks: (await hooks.webhooksOf(clientOf(request).client.id)).map(webhookView) }));

    app.delete<{ Params: Static<typeof IdParams> }>('/v1/webhooks/:webhookId', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'Delete a webhook: nothing more is sent to it, and its waiting deliveries are cancelled', params: IdParams,
        response: { 204: Type.Null() },
      }),
    }, async (request, reply) => {
      const { client } = clientOf(request);
      const w = await own(client.id, request.params.webhookId);
      await hooks.deleteWebhook(client.id, w.id, deps.clock());
      return reply.code(204).send();
    });

    const Query = Type.Object({
      before: Type.Optional(Type.String({ pattern: '^dlv_[0-9a-z]{26}$', description: 'Continue after this delivery (the `next` of the previous page)' })),
      limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
    }, closed);
    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof Query> }>('/v1/webhooks/:webhookId/deliveries', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'A webhook\'s deliveries, newest first: what was sent, and what became of each attempt', params: IdParams, querystring: Query,
        response: { 200: Type.Object({ items: Type.Array(DeliveryView), next: Nullable(Type.String()) }, closed) },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const w = await own(client.id, request.params.webhookId);
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const rows = await hooks.deliveriesOf(w.id, request.query.before ?? null, limit);
      return { items: rows.map(deliveryView), next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null };
    });
  };
}
