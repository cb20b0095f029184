import type { FastifyPluginAsync } from 'fastify';
import { clientOf } from '../../plugins/access-control.js';
import { NoticeListView, noticesQuery, type NoticesQuery } from '../../schemas/disputes.js';
import type { ServerDeps } from '../../server-deps.js';
import { noticeView } from '../../views/dispute-case-view.js';
import { routeSchema } from '../route-schema.js';
import { readDueProcess } from './due-process-reads.js';

const RELYING_PARTY = ['relying_party'] as const;

/** Correction notices: records your decisions of the last 12 months rested on were corrected or removed. */
export function noticeRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: NoticesQuery }>('/v1/notices', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'Correction notices: a record a decision of yours rested on was corrected or removed',
        description: 'One notice per correction or removal, naming your decisions of the 12 months before it that rested on the record. '
          + 'Check the subject again before relying on those decisions. Page with `after` = `next`. New notices also arrive on GET /v1/stream as `notice` events.',
        querystring: noticesQuery(deps.limits.maxPage, deps.limits.defaultPage), response: { 200: NoticeListView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const limit = request.query.limit ?? deps.limits.defaultPage;
      const rows = await readDueProcess(deps, (r) => r.noticesFor(client.id, request.query.after ?? 0, limit));
      return {
        notices: rows.map(noticeView),
        next: rows.length === limit ? rows.at(-1)?.jobSeq ?? null : null,
      };
    });
  };
}
