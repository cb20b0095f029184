export {
  ATTESTATION_ALG, ATTESTATION_TYP, DEFAULT_ATTESTATION_DAYS, MAX_ATTESTATION_DAYS, POINTS_BAND_WIDTH,
  type AttestationClaims, type AttestationHeader, type SigningKey, type VerificationKey,
} from './attestation-claims.js';
export { attestationClaimsFromStanding, normalizeAudience, MAX_AUDIENCE_LENGTH, type AttestationRequest } from './attestation-claims-from-standing.js';
export { decodeBase64Url, encodeBase64Url } from './base64url.js';
export { jwkThumbprint, parseJwks, publicJwk, type Jwks, type PublicJwk } from './jwks.js';
export { pointsBand } from './points-band.js';
export { signAttestation } from './sign-attestation.js';
export { MAX_TOKEN_LENGTH, VERIFY_FAILURES, verifyAttestation, type VerifyFailure, type VerifyOptions, type VerifyResult } from './verify-attestation.js';
