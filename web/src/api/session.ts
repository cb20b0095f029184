// Credentials live in sessionStorage: they last for the tab and never reach another origin or the URL.

export type Role = 'subject' | 'operator';

const key = (role: Role): string => `credence.${role}`;

export interface Credential {
  /** Sent as `Authorization: Bearer <token>`: a subject session token or an operator API key. */
  readonly token: string;
  /** Who is signed in, for the header (subject identifier or operator client name). */
  readonly label: string;
  /** Epoch ms after which the credential is no longer valid, if known. */
  readonly expiresAt?: number;
}

const listeners = new Set<() => void>();

export function getCredential(role: Role): Credential | null {
  const raw = window.sessionStorage.getItem(key(role));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Credential;
    if (typeof c.token !== 'string' || c.token === '') return null;
    if (c.expiresAt !== undefined && c.expiresAt <= Date.now()) return null;
    return c;
  } catch {
    return null;
  }
}

export function setCredential(role: Role, credential: Credential | null): void {
  if (credential) window.sessionStorage.setItem(key(role), JSON.stringify(credential));
  else window.sessionStorage.removeItem(key(role));
  for (const l of listeners) l();
}

export function onCredentialChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
