import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { encodeBase64 } from '../../../core/merkle/index.js';
import { routeSchema } from '../route-schema.js';
import { logOf } from './attach-log.js';
import { ConsistencyQuery, ConsistencyView, InclusionQuery, InclusionView, TileParams, TileQuery, TilesView } from './log-schemas.js';

const text = { description: 'text/plain', content: { 'text/plain': { schema: { type: 'string' } } } };

/** The log's public face: the latest signed checkpoint, the key to check it, proofs and tiles. */
export const publicLogRoutes: FastifyPluginAsync = async (app) => {
  app.get('/v1/log/checkpoint', {
    config: { access: 'public' },
    schema: routeSchema('public', 'public', {
      summary: 'The latest signed checkpoint (C2SP tlog-checkpoint note: origin, tree size, base64 root, Ed25519 signature)',
      response: { 200: text },
    }),
  }, async (request, reply) => {
    const row = await logOf(request).latestCheckpoint();
    if (!row) throw new CredenceError('unavailable', 'the log has not signed a checkpoint yet');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(row.note);
  });

  app.get('/v1/log/key', {
    config: { access: 'public' },
    schema: routeSchema('public', 'public', { summary: 'The verifier key of the log (`<name>+<key id>+<base64 key>`)', response: { 200: text } }),
  }, (request, reply) => reply.type('text/plain; charset=utf-8').send(`${logOf(request).key.vkey}\n`));

  app.get<{ Querystring: Static<typeof InclusionQuery> }>('/v1/log/proof/inclusion', {
    config: { access: 'public' },
    schema: routeSchema('public', 'public', {
      summary: 'Inclusion proof of a ledger event in the log tree (RFC 9162 audit path)', querystring: InclusionQuery, response: { 200: InclusionView },
    }),
  }, async (request) => {
    const p = await logOf(request).inclusion(request.query.seq, request.query.size);
    return { ...p, proof: p.proof.map(encodeBase64) };
  });

  app.get<{ Querystring: Static<typeof ConsistencyQuery> }>('/v1/log/proof/consistency', {
    config: { access: 'public' },
    schema: routeSchema('public', 'public', {
      summary: 'Consistency proof that an older tree is a prefix of a newer one (RFC 9162)', querystring: ConsistencyQuery, response: { 200: ConsistencyView },
    }),
  }, async (request) => {
    const log = logOf(request);
    const to = request.query.to ?? (await log.latestCheckpoint())?.size ?? 0;
    return { from: request.query.from, to, proof: (await log.consistency(request.query.from, to)).map(encodeBase64) };
  });

  app.get<{ Params: Static<typeof TileParams>; Querystring: Static<typeof TileQuery> }>('/v1/log/tiles/:level', {
    config: { access: 'public' },
    schema: routeSchema('public', 'public', {
      summary: 'Stored tiles of the log tree, as stored, for auditors to compare with their own', params: TileParams, querystring: TileQuery, response: { 200: TilesView },
    }),
  }, async (request) => {
    const rows = await logOf(request).store.tileRange(request.params.level, request.query.from ?? 0, request.query.count ?? 16);
    return { level: request.params.level, tiles: rows.map((t) => ({ index: t.index, hashes: encodeBase64(t.hashes) })) };
  });
};
