import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { parseSubjectId } from '../../../core/identifiers/index.js';
import { subjectOf } from '../../plugins/access-control.js';
import { HistoryView, SubjectFileView } from '../../schemas/subject.js';
import type { ServerDeps } from '../../server-deps.js';
import { standingHistory } from '../../views/standing-history.js';
import { subjectFile } from '../../views/subject-file.js';
import { routeSchema } from '../route-schema.js';

const SUBJECT = ['subject'] as const;

/** A logged-in subject's own file and history; there is no route to anyone else's. */
export function meRoutes(deps: ServerDeps): FastifyPluginAsync {
  const me = (subjectId: string) => {
    const parsed = parseSubjectId(subjectId);
    if (!parsed.ok) throw new CredenceError('internal_error', `session names an invalid subject ${subjectId}`);
    return parsed.value;
  };
  return async (app) => {
    app.get('/v1/me/file', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Your file: standing, every record with its rule and points, lists, measures, and who checked you',
        response: { 200: SubjectFileView },
      }),
    }, (request) => subjectFile(deps, me(subjectOf(request).subjectId), deps.clock()));

    app.get('/v1/me/history', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, { summary: 'Your standing over time: points after each event', response: { 200: HistoryView } }),
    }, (request) => standingHistory(deps, me(subjectOf(request).subjectId), deps.clock()));
  };
}
