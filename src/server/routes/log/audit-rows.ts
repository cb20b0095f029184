import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { closed, limitQuery, Nullable } from '../../schemas/common.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { logOf } from './attach-log.js';
import { RawRowView } from './log-schemas.js';

const AUDITOR = ['auditor'] as const;

/**
 * The ledger's tables exactly as stored, every column, for auditors: what they replay the events
 * against. Subjects come with their records, read in one snapshot.
 */
export function auditRowRoutes(deps: ServerDeps): FastifyPluginAsync {
  const EventsQuery = Type.Object({
    from: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'First sequence number' })),
    limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
  }, closed);
  const SubjectsQuery = Type.Object({
    after: Type.Optional(Type.String({ maxLength: 64, description: 'Continue after this subject id (the `next` of the previous page)' })),
    limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
  }, closed);

  return async (app) => {
    app.get<{ Querystring: Static<typeof EventsQuery> }>('/v1/log/audit/events', {
      config: { access: AUDITOR },
      schema: routeSchema('auditor', AUDITOR, {
        summary: 'Rows of the events table from a sequence number, every column as stored',
        querystring: EventsQuery,
        response: { 200: Type.Object({ items: Type.Array(RawRowView), next: Nullable(Type.Integer()) }, closed) },
      }),
    }, async (request) => {
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const items = await logOf(request).store.eventRows(request.query.from ?? 1, limit);
      const last = items.at(-1);
      return { items, next: items.length === limit && last ? Number(last.seq) + 1 : null };
    });

    app.get<{ Querystring: Static<typeof SubjectsQuery> }>('/v1/log/audit/subjects', {
      config: { access: AUDITOR },
      schema: routeSchema('auditor', AUDITOR, {
        summary: 'Rows of the subjects table (identity, version, both standing slots) with their records rows, every column as stored',
        querystring: SubjectsQuery,
        response: { 200: Type.Object({ subjects: Type.Array(RawRowView), records: Type.Array(RawRowView), next: Nullable(Type.String()) }, closed) },
      }),
    }, async (request) => {
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const page = await logOf(request).store.subjectRows(request.query.after ?? null, limit);
      const last = page.subjects.at(-1);
      return { ...page, next: page.subjects.length === limit && last ? String(last.id) : null };
    });
  };
}
