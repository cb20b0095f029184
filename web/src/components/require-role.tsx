import { useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../api/session.js';
import { useCredential } from '../api/use-credential.js';
import { navigate } from '../router/router.js';
import { Loading } from './status.js';

export const LOGIN_PATH: Readonly<Record<Role, string>> = { subject: '/login', operator: '/console/login' };

/** Renders children only with a credential for `role`; otherwise sends the reader to that role's login. */
export function RequireRole({ role, children }: { readonly role: Role; readonly children: ReactNode }) {
  const credential = useCredential(role);
  // The page asked for, read while rendering it: by the time an effect runs again the URL may be the login's.
  const [asked] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    if (!credential) navigate(`${LOGIN_PATH[role]}?next=${encodeURIComponent(asked)}`, { replace: true });
  }, [credential, role, asked]);
  return credential ? <>{children}</> : <Loading />;
}
