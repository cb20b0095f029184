import { useSyncExternalStore } from 'react';
import { getCredential, onCredentialChange, type Credential, type Role } from './session.js';

/** The stored credential of a role, re-rendering when it is set or dropped. */
export function useCredential(role: Role): Credential | null {
  const raw = useSyncExternalStore(onCredentialChange, () => window.sessionStorage.getItem(`credence.${role}`));
  return raw === null ? null : getCredential(role);
}
