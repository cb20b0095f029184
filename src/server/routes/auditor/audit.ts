import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { subjectId } from '../../../core/brand.js';
import { closed, iso, limitQuery, Nullable } from '../../schemas/common.js';
import { StoredEventView } from '../../schemas/events.js';
import { StandingView } from '../../schemas/standing.js';
import type { ServerDeps } from '../../server-deps.js';
import { toSummary } from '../../../ledger/project-standings.js';
import { standingView } from '../../views/standing-view.js';
import { routeSchema } from '../route-schema.js';

const AUDITOR = ['auditor'] as const;

const StoredStandingView = Type.Object({
  subjectId: Type.String(),
  subjectKind: Type.String(),
  ...StandingView.properties,
}, closed);

/** Read-only oversight: the ledger's events in order, and every stored standing under the rulebook in force. */
export function auditRoutes(deps: ServerDeps): FastifyPluginAsync {
  const EventsQuery = Type.Object({
    from: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'First sequence number' })),
    limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
  }, closed);
  const StandingsQuery = Type.Object({
    after: Type.Optional(Type.String({ maxLength: 64, description: 'Continue after this subject id (the `next` of the previous page)' })),
    limit: limitQuery(deps.limits.maxPage, deps.limits.defaultPage),
  }, closed);

  return async (app) => {
    app.get<{ Querystring: Static<typeof EventsQuery> }>('/v1/audit/events', {
      config: { access: AUDITOR },
      schema: routeSchema('auditor', AUDITOR, {
        summary: 'Ledger events from a sequence number, in order',
        querystring: EventsQuery,
        response: { 200: Type.Object({ items: Type.Array(StoredEventView), next: Nullable(Type.Integer()) }, closed) },
      }),
    }, async (request) => {
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const events = await deps.store.read((tx) => tx.events(request.query.from ?? 1, limit));
      const last = events.at(-1);
      return {
        items: events.map((e) => ({ seq: e.seq, recordedAt: iso(e.recordedAt), actor: e.actor, event: e.event })),
        next: events.length === limit && last ? last.seq + 1 : null,
      };
    });

    app.get<{ Querystring: Static<typeof StandingsQuery> }>('/v1/audit/standings', {
      config: { access: AUDITOR },
      schema: routeSchema('auditor', AUDITOR, {
        summary: 'Stored standings under the rulebook in force, by subject id',
        querystring: StandingsQuery,
        response: { 200: Type.Object({ rulebookVersion: Type.String(), items: Type.Array(StoredStandingView), next: Nullable(Type.String()) }, closed) },
      }),
    }, async (request) => {
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const after = request.query.after;
      const { version, page, standings } = await deps.store.read(async (tx) => {
        const head = await tx.head();
        const rows = await tx.subjectPage(after === undefined ? null : subjectId(after), limit);
        const v = head.currentRulebook ?? '';
        return { version: v, page: rows, standings: await tx.standings(rows.map((r) => r.id), v) };
      });
      const rulebook = await deps.standings.rulebook();
      const byId = new Map(standings.map((s) => [s.subjectId, toSummary(s, rulebook)]));
      return {
        rulebookVersion: version,
        items: page.flatMap((row) => {
          const s = byId.get(row.id);
          return s ? [{ subjectId: s.subjectId, subjectKind: s.subjectKind, ...standingView(s) }] : [];
        }),
        next: page.length === limit ? (page.at(-1)?.id ?? null) : null,
      };
    });
  };
}
