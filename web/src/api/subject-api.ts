import { request } from './http.js';
import { setCredential } from './session.js';
import type { HistoryView, LoginBody, SessionView, SubjectFileView } from './wire.js';

/** Logs a subject in and keeps the session token for this tab. */
export async function logIn(body: LoginBody): Promise<SessionView> {
  const session = await request<SessionView>('/v1/session', { body });
  setCredential('subject', { token: session.token, label: body.subject.identifier, expiresAt: Date.parse(session.expiresAt) });
  return session;
}

/** Ends the session on the server (its cookie too), then forgets it here. */
export async function logOut(): Promise<void> {
  try {
    await request<undefined>('/v1/session', { method: 'DELETE', as: 'subject' });
  } finally {
    setCredential('subject', null);
  }
}

export const fetchMyFile = (signal: AbortSignal): Promise<SubjectFileView> =>
  request<SubjectFileView>('/v1/me/file', { as: 'subject', signal });

export const fetchMyHistory = (signal: AbortSignal): Promise<HistoryView> =>
  request<HistoryView>('/v1/me/history', { as: 'subject', signal });
