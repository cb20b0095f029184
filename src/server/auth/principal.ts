import type { SubjectId } from '../../core/brand.js';
import type { ClientRow } from '../../store/rows.js';

/** Who is calling: a client by API key, or a logged-in subject. */
export type Principal =
  | { readonly kind: 'client'; readonly role: ClientRow['role']; readonly client: ClientRow; readonly keyId: string }
  | { readonly kind: 'subject'; readonly role: 'subject'; readonly subjectId: SubjectId; readonly sessionHash: string };

export const ROLES = ['furnisher', 'relying_party', 'subject', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, or the listed roles. Every route declares it (the app refuses to start otherwise). */
export type Access = 'public' | readonly Role[];

/** The calling client's id, for routes only clients can reach. */
export const principalId = (p: Principal): string => (p.kind === 'client' ? p.client.id : p.subjectId);
