import type { FastifyPluginAsync } from 'fastify';
import type { Instant } from '../../../core/brand.js';
import type { View } from '../../schemas/common.js';
import { OversightView } from '../../schemas/oversight.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { oversightFigures } from './oversight-figures.js';

const OVERSIGHT = ['operator', 'auditor'] as const;
/** Figures are recomputed at most this often: each is a pass over a whole table. */
export const OVERSIGHT_TTL_MS = 30_000;

type Figures = View<typeof OversightView>;

/** The oversight dashboard's figures for operators and auditors: aggregates only, never a subject's data. */
export function oversightRoutes(deps: ServerDeps): FastifyPluginAsync {
  let cached: { readonly at: Instant; readonly figures: Promise<Figures> } | null = null;
  const figures = (at: Instant): Promise<Figures> => {
    if (cached && at - cached.at < OVERSIGHT_TTL_MS && at >= cached.at) return cached.figures;
    const next = deps.standings.rulebook().then((rb) => oversightFigures(deps.store, rb, at));
    // A failure is not kept: the next request tries again.
    next.catch(() => { if (cached?.figures === next) cached = null; });
    cached = { at, figures: next };
    return next;
  };
  return async (app) => {
    app.get('/v1/oversight', {
      config: { access: OVERSIGHT },
      schema: routeSchema('operator', OVERSIGHT, {
        summary: 'Oversight figures: subjects, grades, list sizes (now and daily over 90 days), checks and denials, disputes, rejected submissions',
        description: 'Aggregates only, no personal data. Recomputed at most every 30 seconds; `at` says when. ' +
          'The daily list sizes count, at the end of each day in China Standard Time, the subjects the records as they stand now listed then, under the rulebook in force.',
        response: { 200: OversightView },
      }),
    }, async (_request, reply) => reply.header('cache-control', 'private, max-age=30').send(await figures(deps.clock())));
  };
}
