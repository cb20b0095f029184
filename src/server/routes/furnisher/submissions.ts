import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, iso, limitQuery, Nullable } from '../../schemas/common.js';
import { SubmissionSummary, SubmissionView } from '../../schemas/records.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const FURNISHER = ['furnisher'] as const;
const SubmissionParams = Type.Object({ id: Type.String({ pattern: '^sub_[0-9a-z]{26}$' }) }, closed);

/** A furnisher's own submissions, newest first, and each one's item results. */
export function submissionRoutes(deps: ServerDeps): FastifyPluginAsync {
  const Query = Type.Object({
    before: Type.Optional(Type.String({ pattern: '^sub_[0-9a-z]{26}$', description: 'Continue after this submission (the `next` of the previous page)' })),
    limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
  }, closed);
  const Page = Type.Object({ items: Type.Array(SubmissionSummary), next: Nullable(Type.String()) }, closed);

  return async (app) => {
    app.get<{ Querystring: Static<typeof Query> }>('/v1/furnisher/submissions', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, { summary: 'Your submissions (batches of records, record changes and dispute answers, each with the key it came with), newest first', querystring: Query, response: { 200: Page } }),
    }, async (request) => {
      const { client } = clientOf(request);
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const rows = await deps.service.submissionsOf(client.id, request.query.before ?? null, limit);
      return {
        items: rows.map((s) => ({ submissionId: s.id, kind: s.kind, keyId: s.keyId, at: iso(s.at), accepted: s.accepted, duplicates: s.duplicates, rejected: s.rejected })),
        next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
      };
    });

    app.get<{ Params: Static<typeof SubmissionParams> }>('/v1/furnisher/submissions/:id', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'One of your submissions with the result of every item, or of the record change or dispute answer', params: SubmissionParams, response: { 200: SubmissionView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const s = await deps.service.submission(request.params.id);
      if (!s || s.clientId !== client.id) throw new CredenceError('not_found', `you made no submission ${request.params.id}`);
      return { submissionId: s.id, kind: s.kind, keyId: s.keyId, change: s.change, at: iso(s.at), accepted: s.accepted, duplicates: s.duplicates, rejected: s.rejected, items: s.items };
    });
  };
}
