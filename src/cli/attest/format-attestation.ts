import type { AttestationClaims, VerifyFailure } from '../../core/attestation/index.js';

const time = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** What each failure means to the person holding the token. */
export const FAILURE_TEXT: Readonly<Record<VerifyFailure | 'revoked' | 'unknown_to_registry', string>> = {
  malformed: 'this is not a Credence attestation (or it was cut or altered)',
  bad_signature: 'the signature does not match: the attestation was altered or not signed by the registry',
  unknown_key: 'signed by a key the registry does not publish (an unknown registry, or a key retired long ago)',
  expired: 'it has expired',
  not_yet_valid: 'it is dated in the future (check this computer\'s clock)',
  wrong_audience: 'it was addressed to someone else: give --audience exactly as the subject named you',
  revoked: 'the subject revoked it',
  unknown_to_registry: 'the registry at --server never issued it',
};

/** A valid attestation, line by line, with how revocation was (or was not) checked. */
export function formatAttestation(claims: AttestationClaims, kid: string, revocation: string): string {
  const rows: [string, string][] = [
    ['subject', claims.sub],
    ['grade', claims.grade],
    ['points band', claims.pointsBand],
    ['black list', claims.onBlackList ? 'yes, on a black list' : 'not on any black list'],
    ...(claims.redLists === undefined ? [] : [['red lists', claims.redLists.length === 0 ? 'none' : claims.redLists.join(', ')] as [string, string]]),
    ['as of', `${claims.asOf} (rulebook ${claims.rulebookVersion})`],
    ['issued', time(claims.iat)],
    ['expires', time(claims.exp)],
    ['audience', claims.aud ?? 'anyone'],
    ['issuer', claims.iss],
    ['revocation', revocation],
  ];
  return `valid attestation ${claims.jti} (key ${kid})\n${rows.map(([k, v]) => `  ${k.padEnd(12)}${v}\n`).join('')}`;
}
