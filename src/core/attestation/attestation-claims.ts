import type { Grade } from '../rulebook/model.js';

/** The JWS `typ` of an attestation: a verifier refuses any other JWT that happens to use the same key. */
export const ATTESTATION_TYP = 'credence-attestation+jwt';
export const ATTESTATION_ALG = 'EdDSA';
/** An attestation lives at most this long, and this long when the subject does not say. */
export const MAX_ATTESTATION_DAYS = 30;
export const DEFAULT_ATTESTATION_DAYS = 7;
/** Width of a points band: an attestation says "1000-1049", never the exact points. */
export const POINTS_BAND_WIDTH = 50;

/**
 * What an attestation states, signed by the registry: a subject's own standing as of one moment.
 * It names the subject and carries no record details. `iat` and `exp` are JWT NumericDates (seconds).
 */
export interface AttestationClaims {
  /** The registry that signed it. */
  readonly iss: string;
  /** The subject id, `scheme:identifier`. */
  readonly sub: string;
  /** Unique id of this attestation: what revocation is checked against. */
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  /** Whom the subject meant it for; a verifier must name the same audience to accept it. */
  readonly aud?: string;
  /** When the standing was computed (ISO 8601 UTC). */
  readonly asOf: string;
  /** The rulebook whose grade bands and lists the standing follows. */
  readonly rulebookVersion: string;
  readonly grade: Grade;
  readonly pointsBand: string;
  readonly onBlackList: boolean;
  /** Red (honour) lists the subject is on; present only when the subject chose to share them. */
  readonly redLists?: readonly string[];
}

/** The protected header of an attestation's JWS. */
export interface AttestationHeader {
  readonly alg: typeof ATTESTATION_ALG;
  readonly typ: typeof ATTESTATION_TYP;
  readonly kid: string;
}

/** A public key a verifier trusts, by key id (from the registry's published JWKS). */
export interface VerificationKey {
  readonly kid: string;
  /** 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

/** A signing key of the registry: key id and 32-byte Ed25519 seed. */
export interface SigningKey {
  readonly kid: string;
  readonly secretKey: Uint8Array;
}
