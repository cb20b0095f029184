import type { FastifyPluginAsync } from 'fastify';
import type { ServerDeps } from '../../server-deps.js';
import { auditRowRoutes } from './audit-rows.js';
import { myProofRoutes } from './my-proofs.js';
import { publicLogRoutes } from './public-log.js';

export { attachLog } from './attach-log.js';

/** Every route of the transparency log: public checkpoint, key, proofs and tiles; auditors' raw rows; subjects' own proofs. */
export function logRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(publicLogRoutes);
    await app.register(auditRowRoutes(deps));
    await app.register(myProofRoutes(deps));
  };
}
