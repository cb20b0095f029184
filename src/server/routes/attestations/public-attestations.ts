import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { iso } from '../../schemas/common.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { attestationsOf } from './attach-attestations.js';
import { JtiParams, JwksView, StatusView, VerifyBody, VerifyView } from '../../schemas/attestations.js';

/** The public side of attestations: the keys to verify them offline, a verification service, and revocation status. */
export function publicAttestationRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/.well-known/credence-keys.json', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', {
        summary: 'The public keys that sign attestations (JWKS); a rotated-out key stays until its attestations have expired',
        response: { 200: JwksView },
      }),
    }, (request, reply) => reply.header('cache-control', 'public, max-age=300').send(attestationsOf(request).jwks(deps.clock())));

    app.post<{ Body: Static<typeof VerifyBody> }>('/v1/attestations/verify', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', {
        summary: 'Verify an attestation: signature, lifetime, audience and revocation',
        description: 'Give `audience` when the attestation was addressed to you: an addressed attestation is valid only for that audience.',
        body: VerifyBody,
        response: { 200: VerifyView },
      }),
    }, async (request) => {
      const v = await attestationsOf(request).verify(request.body.token, request.body.audience, deps.clock());
      return { ...v, ...(v.revokedAt === undefined ? {} : { revokedAt: iso(v.revokedAt) }) };
    });

    app.get<{ Params: Static<typeof JtiParams> }>('/v1/attestations/:jti/status', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', {
        summary: 'Whether an attestation was revoked (it reveals nothing else)', params: JtiParams, response: { 200: StatusView },
      }),
    }, async (request, reply) => {
      const s = await attestationsOf(request).status(request.params.jti);
      return reply.header('cache-control', 'no-cache').send(s.revokedAt === undefined ? { revoked: false } : { revoked: true, revokedAt: iso(s.revokedAt) });
    });
  };
}
