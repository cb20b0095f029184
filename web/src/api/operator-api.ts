import { request } from './http.js';
import type {
  ClientView, CreateClientBody, CreatedClientView, DraftView, Items, NewKeyView, OversightView, PreviewView, PublicationView, SubjectFileView,
} from './wire.js';

const as = 'operator' as const;
const seg = encodeURIComponent;

export const listClients = (signal?: AbortSignal): Promise<Items<ClientView>> =>
  request('/v1/clients', { as, ...(signal ? { signal } : {}) });
export const createClient = (body: CreateClientBody): Promise<CreatedClientView> => request('/v1/clients', { as, body });
export const issueKey = (id: string): Promise<NewKeyView> => request(`/v1/clients/${seg(id)}/keys`, { as, method: 'POST' });
export const revokeKey = (id: string, keyId: string): Promise<ClientView> =>
  request(`/v1/clients/${seg(id)}/keys/${seg(keyId)}/revocation`, { as, method: 'POST' });
export const revokeClient = (id: string, reason: string): Promise<ClientView> =>
  request(`/v1/clients/${seg(id)}/revocation`, { as, body: { reason } });

export const listDrafts = (signal: AbortSignal): Promise<Items<DraftView>> => request('/v1/rulebooks/drafts', { as, signal });
export const fetchDraft = (version: string, signal: AbortSignal): Promise<DraftView> =>
  request(`/v1/rulebooks/drafts/${seg(version)}`, { as, signal });
export const uploadDraft = (yaml: string): Promise<DraftView> =>
  request('/v1/rulebooks/drafts', { as, method: 'POST', text: { contentType: 'application/yaml', content: yaml } });
export const previewDraft = (version: string, signal?: AbortSignal): Promise<PreviewView> =>
  request(`/v1/rulebooks/drafts/${seg(version)}/preview`, { as, ...(signal ? { signal } : {}) });
export const approveDraft = (version: string): Promise<DraftView> =>
  request(`/v1/rulebooks/drafts/${seg(version)}/approval`, { as, method: 'POST' });
export const publishDraft = (version: string): Promise<PublicationView> =>
  request(`/v1/rulebooks/drafts/${seg(version)}/publication`, { as, method: 'POST' });

export const lookUpSubject = (subjectId: string, signal: AbortSignal): Promise<SubjectFileView> =>
  request(`/v1/subjects/${seg(subjectId)}`, { as, signal });

export interface EnrolmentView { readonly subjectId: string; readonly enrolledAt: string; readonly password?: string }
/** Enrols (or re-enrols) a subject's login with a generated password, which the API shows once. */
export const enrolSubject = (subjectId: string): Promise<EnrolmentView> =>
  request(`/v1/subjects/${seg(subjectId)}/enrolment`, { as, body: {} });

/** The registry's oversight figures (aggregates only); operators and auditors may read them. */
export const fetchOversight = (signal: AbortSignal): Promise<OversightView> => request('/v1/oversight', { as, signal });
