import type { AttestationClaims } from '../../../src/core/attestation/index.js';
import { request } from './http.js';

// The attestation routes' wire shapes. Their TypeBox schemas sit beside the routes
// (src/server/routes/attestations), which the browser may not import; the claims are the core's type.

export interface AttestationView {
  readonly id: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly audience: string | null;
  readonly status: 'active' | 'expired' | 'revoked';
  readonly revokedAt: string | null;
  readonly claims: AttestationClaims;
}

export interface IssuedAttestation {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: string;
  readonly claims: AttestationClaims;
}

export interface IssueAttestationBody {
  readonly expiresInDays: number;
  readonly audience?: string;
  readonly includeRedLists?: boolean;
}

const as = 'subject' as const;

export const issueAttestation = (body: IssueAttestationBody): Promise<IssuedAttestation> => request('/v1/me/attestations', { as, body });
export const listAttestations = (signal: AbortSignal): Promise<{ readonly attestations: readonly AttestationView[] }> =>
  request('/v1/me/attestations', { as, signal });
export const revokeAttestation = (id: string): Promise<AttestationView> =>
  request(`/v1/me/attestations/${encodeURIComponent(id)}/revocation`, { as, method: 'POST' });

/** The registry's published attestation keys (JWKS), parsed by the core's verification code. */
export const fetchAttestationKeys = (): Promise<unknown> => request('/.well-known/credence-keys.json');
export const fetchAttestationStatus = (jti: string): Promise<{ readonly revoked: boolean; readonly revokedAt?: string }> =>
  request(`/v1/attestations/${encodeURIComponent(jti)}/status`);
