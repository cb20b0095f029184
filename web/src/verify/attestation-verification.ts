import { parseJwks, verifyAttestation, type AttestationClaims, type VerifyFailure } from '../../../src/core/attestation/index.js';

export type AttestationCheck =
  | { readonly ok: true; readonly claims: AttestationClaims; readonly kid: string }
  | { readonly ok: false; readonly reason: VerifyFailure }
  | { readonly ok: false; readonly reason: 'keys'; readonly error: string };

/**
 * Checks an attestation here, with the core's code, against the key set the registry publishes at
 * /.well-known/credence-keys.json: signature, lifetime and audience. Revocation needs the registry.
 */
export function checkAttestation(token: string, jwks: unknown, at: number, audience?: string): AttestationCheck {
  const keys = parseJwks(jwks);
  if (!keys.ok) return { ok: false, reason: 'keys', error: keys.error };
  return verifyAttestation(token, keys.keys, at, audience?.trim() ? { audience: audience.trim() } : {});
}
