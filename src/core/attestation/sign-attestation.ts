import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { ATTESTATION_ALG, ATTESTATION_TYP, type AttestationClaims, type AttestationHeader, type SigningKey } from './attestation-claims.js';
import { encodeBase64Url } from './base64url.js';

const part = (value: object): string => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));

/** The attestation as a JWS compact serialization (RFC 7515) signed with EdDSA over Ed25519 (RFC 8037). */
export function signAttestation(claims: AttestationClaims, key: SigningKey): string {
  const header: AttestationHeader = { alg: ATTESTATION_ALG, typ: ATTESTATION_TYP, kid: key.kid };
  const signingInput = `${part(header)}.${part(claims)}`;
  return `${signingInput}.${encodeBase64Url(ed25519.sign(utf8ToBytes(signingInput), key.secretKey))}`;
}
