import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { encodeBase64 } from '../../../core/merkle/index.js';
import { subjectOf } from '../../plugins/access-control.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { logOf } from './attach-log.js';
import { SubjectProofsView } from './log-schemas.js';

const SUBJECT = ['subject'] as const;

/** A logged-in subject's own events, each with its inclusion proof against the latest checkpoint. */
export function myProofRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/v1/me/log/proofs', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Proofs that every event about your records is in the signed transparency log',
        description: 'Verify offline: check the checkpoint with the key at /v1/log/key, hash each event as docs/log.md says, and check its proof.',
        response: { 200: SubjectProofsView },
      }),
    }, async (request) => {
      const log = logOf(request);
      const checkpoint = await log.latestCheckpoint();
      if (!checkpoint) throw new CredenceError('unavailable', 'the log has not signed a checkpoint yet');
      const events = await deps.store.read((tx) => tx.eventsOf([subjectOf(request).subjectId]));
      const items = [];
      for (const e of events) {
        const proof = e.seq <= checkpoint.size ? (await log.inclusion(e.seq, checkpoint.size)).proof.map(encodeBase64) : null;
        items.push({ event: { seq: e.seq, recordedAt: e.recordedAt, actor: e.actor, event: e.event }, leafIndex: e.seq - 1, proof });
      }
      return { checkpoint: checkpoint.note, size: checkpoint.size, items };
    });
  };
}
