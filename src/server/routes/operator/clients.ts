import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { clientId } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import type { ClientScope } from '../../../core/ledger/index.js';
import { recordTypesFor } from '../../../ledger/index.js';
import type { ClientRow } from '../../../store/rows.js';
import { issueKey } from '../../clients/issue-key.js';
import { keyController } from '../../clients/key-controller.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, iso, isoOrNull, type View } from '../../schemas/common.js';
import type { KeyView} from '../../schemas/clients.js';
import {
  ClientParams, ClientView, CreateClientBody, CreatedClientView, NewKeyView, RevocationBody,
} from '../../schemas/clients.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const OPERATOR = ['operator'] as const;
const KeyParams = Type.Object({ id: ClientParams.properties.id, keyId: Type.String({ pattern: '^key_[A-Za-z0-9_-]{1,32}$' }) }, closed);

/** Operators onboard clients with a scope, issue and revoke their keys, and revoke clients. */
export function clientRoutes(deps: ServerDeps): FastifyPluginAsync {
  const view = async (c: ClientRow): Promise<View<typeof ClientView>> => ({
    id: c.id, role: c.role, name: c.name, furnisherKind: c.furnisherKind, scope: c.scope, status: c.status,
    registeredAt: iso(c.registeredAt), revokedAt: isoOrNull(c.revokedAt),
    keys: (await deps.service.apiKeysOf(c.id)).map((k): View<typeof KeyView> => ({
      id: k.id, prefix: k.prefix, createdAt: iso(k.createdAt), revokedAt: isoOrNull(k.revokedAt), lastUsedAt: isoOrNull(k.lastUsedAt),
      controlledBy: k.controlledBy,
    })),
  });
  const existing = async (id: string): Promise<ClientRow> => {
    const c = await deps.store.read((tx) => tx.client(id));
    if (!c) throw new CredenceError('not_found', `no client ${id}`);
    return c;
  };
  /** A relying party's actions must exist in the rulebook in force; the other roles carry no scope of that kind. */
  const scopeFor = async (body: CreateClientBody): Promise<ClientScope> => {
    const scope = body.scope ?? {};
    if (body.role === 'furnisher') {
      if (!body.furnisherKind) throw new CredenceError('invalid_request', 'a furnisher needs a furnisherKind');
      return { recordTypes: scope.recordTypes ?? recordTypesFor(body.furnisherKind) };
    }
    if (body.furnisherKind !== undefined) throw new CredenceError('invalid_request', 'only furnishers have a furnisherKind');
    if (body.role !== 'relying_party') {
      if (Object.keys(scope).length > 0) throw new CredenceError('invalid_request', `a ${body.role} has no scope`);
      return {};
    }
    const known = (await deps.standings.rulebook()).actions;
    const unknown = (scope.actions ?? []).filter((a) => !known.has(a));
    if (unknown.length > 0) throw new CredenceError('unknown_action', `the rulebook in force has no action ${unknown.join(', ')}`);
    if (!scope.actions?.length || !scope.purposes?.length) throw new CredenceError('invalid_request', 'a relying party needs at least one action and one purpose');
    return { actions: scope.actions, purposes: scope.purposes };
  };

  return async (app) => {
    app.get('/v1/clients', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Every client with its keys (never the keys themselves)',
        response: { 200: Type.Object({ items: Type.Array(ClientView) }, closed) },
      }),
    }, async () => ({ items: await Promise.all((await deps.store.read((tx) => tx.clients())).map(view)) }));

    app.post<{ Body: CreateClientBody }>('/v1/clients', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Register a client and issue its first API key (shown once)',
        body: CreateClientBody,
        response: { 201: CreatedClientView },
      }),
    }, async (request, reply) => {
      const body = request.body;
      const at = deps.clock();
      if (await deps.store.read((tx) => tx.client(body.id))) throw new CredenceError('invalid_request', `client id ${body.id} is taken`);
      const client = await deps.ledger.registerClient({
        id: body.id, role: body.role, name: body.name, ...(body.furnisherKind ? { furnisherKind: body.furnisherKind } : {}), scope: await scopeFor(body),
      }, at);
      const apiKey = await issueKey(deps.service, client.id, at, await keyController(deps.service, request));
      request.log.info({ client: client.id, by: clientOf(request).client.id }, 'client registered');
      return reply.code(201).send({ client: await view(client), apiKey });
    });

    app.get<{ Params: ClientParams }>('/v1/clients/:id', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, { summary: 'One client', params: ClientParams, response: { 200: ClientView } }),
    }, async (request) => view(await existing(request.params.id)));

    app.post<{ Params: ClientParams }>('/v1/clients/:id/keys', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Issue another API key for a client (to rotate keys); shown once', params: ClientParams, response: { 201: NewKeyView },
      }),
    }, async (request, reply) => {
      const c = await existing(request.params.id);
      if (c.status !== 'active') throw new CredenceError('forbidden', `client ${c.id} is revoked`);
      return reply.code(201).send(await issueKey(deps.service, c.id, deps.clock(), await keyController(deps.service, request)));
    });

    app.post<{ Params: Static<typeof KeyParams> }>('/v1/clients/:id/keys/:keyId/revocation', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, { summary: 'Revoke one API key', params: KeyParams, response: { 200: ClientView } }),
    }, async (request) => {
      const c = await existing(request.params.id);
      const n = await deps.service.revokeApiKey(c.id, request.params.keyId, deps.clock());
      if (n === 0 && !(await deps.service.apiKeysOf(c.id)).some((k) => k.id === request.params.keyId)) {
        throw new CredenceError('not_found', `client ${c.id} has no key ${request.params.keyId}`);
      }
      deps.auth.forgetClient(c.id);
      deps.streams.closeFor(c.id, request.params.keyId);
      return view(c);
    });

    app.post<{ Params: ClientParams; Body: RevocationBody }>('/v1/clients/:id/revocation', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Revoke a client for good: its keys stop working at once; its records stay', params: ClientParams, body: RevocationBody,
        response: { 200: ClientView },
      }),
    }, async (request) => {
      const me = clientOf(request).client;
      if (me.id === request.params.id) throw new CredenceError('forbidden', 'an operator cannot revoke itself');
      const at = deps.clock();
      const revoked = await deps.ledger.revokeClient(request.params.id, request.body.reason, at);
      await deps.service.revokeApiKeysOf(clientId(revoked.id), at);
      deps.auth.forgetClient(revoked.id);
      deps.streams.closeFor(revoked.id);
      return view(revoked);
    });
  };
}
