import type { FastifyPluginAsync } from 'fastify';
import type { ServerDeps } from '../../server-deps.js';
import { myAttestationRoutes } from './my-attestations.js';
import { publicAttestationRoutes } from './public-attestations.js';

export { attachAttestations } from './attach-attestations.js';

/** Every attestation route: a subject's own (issue, list, revoke) and the public ones (keys, verify, status). */
export function attestationRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(myAttestationRoutes(deps));
    await app.register(publicAttestationRoutes(deps));
  };
}
