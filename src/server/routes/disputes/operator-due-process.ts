import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { clientOf } from '../../plugins/access-control.js';
import { closed, limitQuery } from '../../schemas/common.js';
import {
  AppealDecisionBody, DisputeCaseView, DisputeIdParams, DisputeListView, RestorationDecisionBody, RestorationIdParams, RestorationListView, RestorationView,
} from '../../schemas/disputes.js';
import type { ServerDeps } from '../../server-deps.js';
import { restorationView } from '../../views/dispute-case-view.js';
import { routeSchema } from '../route-schema.js';
import { disputeViews, readDueProcess } from './due-process-reads.js';

const OPERATOR = ['operator'] as const;
const queueQuery = (maxPage: number, defaultPage: number) => Type.Object({ limit: limitQuery(maxPage, defaultPage) }, closed);
type QueueQuery = Static<ReturnType<typeof queueQuery>>;

/** The operator's queues (appeals, restoration applications; the earliest deadline first, overdue flagged) and binding decisions. */
export function operatorDueProcessRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: QueueQuery }>('/v1/operator/appeals', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Appeals awaiting a decision, the earliest deadline first (decide within 15 days; overdue ones flagged)',
        querystring: queueQuery(deps.limits.maxPage, deps.limits.defaultPage), response: { 200: DisputeListView },
      }),
    }, async (request) => ({ disputes: await disputeViews(deps, (r) => r.disputesInPhase('appealed', request.query.limit ?? deps.limits.defaultPage), 'all') }));

    app.post<{ Params: DisputeIdParams; Body: AppealDecisionBody }>('/v1/appeals/:id/decision', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Decide an appeal: upheld (the record stands) or overturned (the record is removed)',
        description: 'Binding and recorded in the ledger. An overturned appeal removes the record the furnisher left standing and sends correction notices.',
        params: DisputeIdParams, body: AppealDecisionBody, response: { 200: DisputeCaseView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const row = await deps.ledger.dueProcess.decideAppeal(client.id, request.params.id, request.body, deps.clock());
      const [view] = await disputeViews(deps, () => Promise.resolve([row]), 'all');
      return view;
    });

    app.get<{ Querystring: QueueQuery }>('/v1/operator/restorations', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Early-restoration applications awaiting a decision, the earliest deadline first (overdue ones flagged)',
        querystring: queueQuery(deps.limits.maxPage, deps.limits.defaultPage), response: { 200: RestorationListView },
      }),
    }, async (request) => {
      const rows = await readDueProcess(deps, (r) => r.pendingRestorations(request.query.limit ?? deps.limits.defaultPage));
      return { restorations: rows.map((r) => restorationView(r.restoration, deps.clock())) };
    });

    app.post<{ Params: RestorationIdParams; Body: RestorationDecisionBody }>('/v1/restorations/:id/decision', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Grant or refuse early restoration: a grant ends the record\'s publicity listings now (its points are unchanged)',
        params: RestorationIdParams, body: RestorationDecisionBody, response: { 200: RestorationView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const r = await deps.ledger.dueProcess.decideRestoration(client.id, request.params.id, request.body, deps.clock());
      return restorationView(r, deps.clock());
    });
  };
}
