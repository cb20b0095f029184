import type { Static } from '@sinclair/typebox';
import type { AttestationView as AttestationViewSchema, IssuedView, IssueBody } from '../../../src/server/schemas/attestations.js';
import { request } from './http.js';

// The attestation routes' wire shapes, from the server's schemas (types only).
export type AttestationView = Static<typeof AttestationViewSchema>;
export type IssuedAttestation = Static<typeof IssuedView>;
export type IssueAttestationBody = Static<typeof IssueBody>;

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
