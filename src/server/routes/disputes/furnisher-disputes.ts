import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { timeOrderedId } from '../../inquiries/time-ordered-id.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, limitQuery } from '../../schemas/common.js';
import { AnswerBody, DisputeCaseView, DisputeIdParams, DisputeListView, EvidenceParams } from '../../schemas/disputes.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';
import { disputeViews, readDueProcess } from './due-process-reads.js';
import { sendEvidence } from './send-evidence.js';

const FURNISHER = ['furnisher'] as const;
const FURNISHER_OR_OPERATOR = ['furnisher', 'operator'] as const;
const queueQuery = (maxPage: number, defaultPage: number) => Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open', description: 'open: awaiting your answer; all: every dispute of your records' })),
  limit: limitQuery(maxPage, defaultPage),
}, closed);
type QueueQuery = Static<ReturnType<typeof queueQuery>>;

/** The furnisher's dispute queue and answers; a dispute and its evidence for its furnisher and operators. */
export function furnisherDisputeRoutes(deps: ServerDeps): FastifyPluginAsync {
  /** The dispute if the caller may see it: the furnisher of its record, or any operator. */
  const visible = async (request: Parameters<typeof clientOf>[0], id: string) => {
    const { client } = clientOf(request);
    const row = await readDueProcess(deps, (r) => r.dispute(id));
    if (!row || (client.role === 'furnisher' && row.furnisherId !== client.id)) throw new CredenceError('not_found', `no dispute ${id} you may see`);
    return { row, client };
  };
  return async (app) => {
    app.get<{ Querystring: QueueQuery }>('/v1/furnisher/disputes', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'Disputes of records you furnished, the earliest deadline first (overdue ones flagged)',
        description: 'An open dispute not answered by its deadline (dueBy) is `unverified`: the record does not count until you answer.',
        querystring: queueQuery(deps.limits.maxPage, deps.limits.defaultPage), response: { 200: DisputeListView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const phases = request.query.status === 'all' ? ['open', 'answered', 'appealed', 'decided'] : ['open'];
      return { disputes: await disputeViews(deps, (r) => r.furnisherDisputes(client.id, phases, request.query.limit ?? deps.limits.defaultPage), null) };
    });

    app.get<{ Params: DisputeIdParams }>('/v1/disputes/:id', {
      config: { access: FURNISHER_OR_OPERATOR },
      schema: routeSchema('furnisher', FURNISHER_OR_OPERATOR, { summary: 'A dispute with its timeline', params: DisputeIdParams, response: { 200: DisputeCaseView } }),
    }, async (request) => {
      const { row, client } = await visible(request, request.params.id);
      const [view] = await disputeViews(deps, () => Promise.resolve([row]), client.role === 'operator' ? 'all' : null);
      return view;
    });

    app.get<{ Params: EvidenceParams }>('/v1/disputes/:id/evidence/:sha256', {
      config: { access: FURNISHER_OR_OPERATOR },
      schema: routeSchema('furnisher', FURNISHER_OR_OPERATOR, {
        summary: 'A file the subject sent with a dispute, by its SHA-256', params: EvidenceParams,
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
      }),
    }, async (request, reply) => {
      const { row } = await visible(request, request.params.id);
      return sendEvidence(deps, reply, row, request.params.sha256);
    });

    app.post<{ Params: DisputeIdParams; Body: AnswerBody }>('/v1/disputes/:id/answer', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'Answer a dispute of your record: confirm it, correct it, or retract it',
        description: 'confirmed: the record counts again (also after the deadline). corrected: `replacement` (its own furnisherRef) supersedes it. '
          + 'retracted: it stops counting. The subject sees your explanation and may appeal within 10 days. Relying parties whose decisions rested on a '
          + 'corrected or removed record are sent correction notices before this answers.',
        params: DisputeIdParams, body: AnswerBody, response: { 200: DisputeCaseView },
      }),
    }, async (request) => {
      const { client, keyId } = clientOf(request);
      const { answer, explanation, replacement } = request.body;
      const at = deps.clock();
      const row = await deps.ledger.dueProcess.answerDispute(client.id, request.params.id, {
        answer, explanation, ...(replacement !== undefined ? { replacement } : {}),
      }, at);
      // The answer joins the furnisher's submissions with the key it came with, as its record changes do.
      const { dispute } = row;
      await deps.service.putSubmission({
        id: timeOrderedId('sub_', at), clientId: client.id, keyId, kind: 'dispute_answer', at, accepted: 1, duplicates: 0, rejected: 0, items: [],
        change: {
          recordId: dispute.recordId, subjectId: dispute.subjectId, status: answer, disputeId: dispute.id, duplicate: false,
          ...(dispute.answer?.replacementId !== undefined ? { replacementId: dispute.answer.replacementId } : {}),
        },
      });
      const [view] = await disputeViews(deps, () => Promise.resolve([row]), null);
      return view;
    });
  };
}
