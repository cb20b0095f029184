import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Instant } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { parseSubjectId } from '../../../core/identifiers/index.js';
import type { AttestationRow } from '../../../store/attestation-store.js';
import { subjectOf } from '../../plugins/access-control.js';
import { iso, isoOrNull, type View } from '../../schemas/common.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { attestationsOf } from './attach-attestations.js';
import { AttestationIdParams, AttestationListView, AttestationView, IssueBody, IssuedView } from '../../schemas/attestations.js';

const SUBJECT = ['subject'] as const;
const LIST_LIMIT = 1000;

export const attestationView = (a: AttestationRow, at: Instant): View<typeof AttestationView> => ({
  id: a.id, issuedAt: iso(a.issuedAt), expiresAt: iso(a.expiresAt), audience: a.audience,
  status: a.revokedAt !== null ? 'revoked' : a.expiresAt <= at ? 'expired' : 'active', revokedAt: isoOrNull(a.revokedAt), claims: a.claims,
});

/** A logged-in subject's own attestations: issue, list, revoke. No route reaches another subject's. */
export function myAttestationRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Static<typeof IssueBody> }>('/v1/me/attestations', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Issue a signed attestation of your standing (grade, points band, list status) to share',
        description: 'Valid 1 to 30 days (default 7); optionally for one audience, who must name itself to accept it. Verify with the keys at /.well-known/credence-keys.json.',
        body: IssueBody,
        response: { 201: IssuedView },
      }),
    }, async (request, reply) => {
      const service = attestationsOf(request);
      const id = subjectOf(request).subjectId;
      const parsed = parseSubjectId(id);
      if (!parsed.ok) throw new CredenceError('internal_error', `session names an invalid subject ${id}`);
      const at = deps.clock();
      const { standing } = await deps.standings.current(parsed.value, at);
      const { token, row } = await service.issue(standing, request.body, at);
      return reply.code(201).send({ id: row.id, token, expiresAt: iso(row.expiresAt), claims: row.claims });
    });

    app.get('/v1/me/attestations', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, { summary: 'Every attestation you issued, newest first, with its status', response: { 200: AttestationListView } }),
    }, async (request) => {
      const at = deps.clock();
      const rows = await attestationsOf(request).list(subjectOf(request).subjectId, LIST_LIMIT);
      return { attestations: rows.map((a) => attestationView(a, at)) };
    });

    app.post<{ Params: Static<typeof AttestationIdParams> }>('/v1/me/attestations/:id/revocation', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Revoke one of your attestations: verifiers that check revocation refuse it from now on',
        params: AttestationIdParams,
        response: { 200: AttestationView },
      }),
    }, async (request) => {
      const at = deps.clock();
      return attestationView(await attestationsOf(request).revoke(subjectOf(request).subjectId, request.params.id, at), at);
    });
  };
}
