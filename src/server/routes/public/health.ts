import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const Alive = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });
const Ready = Type.Object({
  status: Type.Literal('ready'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  rulebookVersion: Type.String(),
}, { additionalProperties: false });

/** Liveness (the process answers) and readiness (the database answers and a rulebook is in force). */
export function healthRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', {
      config: { access: 'public', rateLimit: false },
      schema: routeSchema('public', 'public', { summary: 'Liveness', response: { 200: Alive } }),
    }, () => ({ status: 'ok' as const }));

    app.get('/readyz', {
      config: { access: 'public', rateLimit: false },
      schema: routeSchema('public', 'public', { summary: 'Readiness: the database answers and a rulebook is in force', response: { 200: Ready } }),
    }, async (request) => {
      try {
        await deps.service.ping();
        const head = await deps.store.read((tx) => tx.head());
        if (head.currentRulebook === null) throw new CredenceError('unavailable', 'no rulebook is in force yet');
        return { status: 'ready' as const, database: deps.store.dialect, rulebookVersion: head.currentRulebook };
      } catch (error) {
        if (error instanceof CredenceError) throw error;
        // The driver's message stays in the server's log: a public route tells no internals.
        request.log.error({ err: error }, 'readiness: the database does not answer');
        throw new CredenceError('unavailable', 'the database does not answer');
      }
    });
  };
}
