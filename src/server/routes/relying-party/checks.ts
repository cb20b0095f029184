import type { FastifyPluginAsync } from 'fastify';
import { decisionId } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { checkSubject } from '../../checks/check-subject.js';
import { withStatementFlags } from '../../due-process/statement-flags.js';
import { clientOf } from '../../plugins/access-control.js';
import { iso, type View } from '../../schemas/common.js';
import { CheckBody, DecisionIdParams, DecisionView, RecordedDecisionView } from '../../schemas/decision.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const RELYING_PARTY = ['relying_party'] as const;

/** The check at the counter, and a relying party's own past decisions. */
export function checkRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: CheckBody }>('/v1/checks', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'May this subject do this, and why?',
        description: 'Decides under the rulebook in force from the subject\'s standing now. The inquiry (who, when, action, purpose, outcome, reasons) '
          + 'is committed durably before the answer is sent, and the subject sees it in their file. The action and purpose must be in your scope.',
        body: CheckBody,
        response: { 200: DecisionView },
      }),
    }, async (request): Promise<View<typeof DecisionView>> => {
      const r = await checkSubject(deps, clientOf(request), request.body);
      const d = r.decision;
      return {
        decisionId: r.decisionId, at: iso(r.at), subjectId: r.subject.subjectId, action: d.action, purpose: r.purpose, outcome: d.outcome,
        benefits: d.benefits, reasons: await withStatementFlags(deps.store, d.reasons), rulebookVersion: d.rulebookVersion,
      };
    });

    app.get<{ Params: DecisionIdParams }>('/v1/checks/:decisionId', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'A decision you were given, as recorded, with the key it was asked with', params: DecisionIdParams, response: { 200: RecordedDecisionView },
      }),
    }, async (request): Promise<View<typeof RecordedDecisionView>> => {
      const { client } = clientOf(request);
      const q = await deps.service.inquiry(decisionId(request.params.decisionId));
      if (!q || q.clientId !== client.id) throw new CredenceError('not_found', `you were given no decision ${request.params.decisionId}`);
      return {
        decisionId: q.id, at: iso(q.at), subjectId: q.subjectId, action: q.action, purpose: q.purpose, outcome: q.outcome,
        benefits: q.benefits, reasons: await withStatementFlags(deps.store, q.reasons), rulebookVersion: q.rulebookVersion, keyId: q.keyId,
      };
    });
  };
}
