import { request } from './http.js';
import type {
  AppealDecisionBody, DisputeCaseView, DisputeListView, OpenDisputeBody, RestorationBody, RestorationDecisionBody, RestorationListView, RestorationView,
  StatementListView, StatementView,
} from './wire.js';

const seg = encodeURIComponent;
const subject = 'subject' as const;
const operator = 'operator' as const;

// A subject's due process: disputes and appeals, statements, restoration applications.
export const openDispute = (recordId: string, body: OpenDisputeBody): Promise<DisputeCaseView> =>
  request(`/v1/me/records/${seg(recordId)}/disputes`, { as: subject, body });
export const fetchMyDisputes = (signal: AbortSignal): Promise<DisputeListView> => request('/v1/me/disputes', { as: subject, signal });
export const appealDispute = (id: string, grounds: string): Promise<DisputeCaseView> =>
  request(`/v1/me/disputes/${seg(id)}/appeal`, { as: subject, body: { grounds } });
export const attachStatement = (recordId: string, text: string): Promise<StatementView> =>
  request(`/v1/me/records/${seg(recordId)}/statement`, { as: subject, body: { text } });
export const fetchMyStatements = (signal: AbortSignal): Promise<StatementListView> => request('/v1/me/statements', { as: subject, signal });
export const applyForRestoration = (body: RestorationBody): Promise<RestorationView> => request('/v1/me/restorations', { as: subject, body });
export const fetchMyRestorations = (signal: AbortSignal): Promise<RestorationListView> => request('/v1/me/restorations', { as: subject, signal });

// The operator's queues and binding decisions.
export const fetchAppealQueue = (signal: AbortSignal): Promise<DisputeListView> => request('/v1/operator/appeals', { as: operator, signal });
export const decideAppeal = (id: string, body: AppealDecisionBody): Promise<DisputeCaseView> =>
  request(`/v1/appeals/${seg(id)}/decision`, { as: operator, body });
export const fetchRestorationQueue = (signal: AbortSignal): Promise<RestorationListView> => request('/v1/operator/restorations', { as: operator, signal });
export const decideRestoration = (id: string, body: RestorationDecisionBody): Promise<RestorationView> =>
  request(`/v1/restorations/${seg(id)}/decision`, { as: operator, body });
