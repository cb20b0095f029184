import { json, type Case } from '../support/authorization-case.js';

// Attestations: a subject issues, lists and revokes its own; the keys, verification and revocation status are public.
// Another subject's attestations (the matrix has one subject session) are covered in test/attest/routes.test.ts.
export const CASES: Record<string, Case> = {
  'POST /v1/me/attestations': { allowed: ['subject'], request: () => json('POST', '/v1/me/attestations', { expiresInDays: 1 }) },
  'GET /v1/me/attestations': { allowed: ['subject'], request: () => json('GET', '/v1/me/attestations') },
  'POST /v1/me/attestations/:id/revocation': { allowed: ['subject'], request: () => json('POST', '/v1/me/attestations/att_unknown/revocation') },
  'GET /.well-known/credence-keys.json': { allowed: 'everyone', request: () => json('GET', '/.well-known/credence-keys.json') },
  'POST /v1/attestations/verify': { allowed: 'everyone', request: () => json('POST', '/v1/attestations/verify', { token: 'not.a.token' }) },
  'GET /v1/attestations/:jti/status': { allowed: 'everyone', request: () => json('GET', '/v1/attestations/att_unknown/status') },
};
