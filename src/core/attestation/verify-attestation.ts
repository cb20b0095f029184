import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Instant } from '../brand.js';
import { ATTESTATION_ALG, ATTESTATION_TYP, type AttestationClaims, type VerificationKey } from './attestation-claims.js';
import { decodeBase64Url } from './base64url.js';
import { readClaims } from './read-claims.js';

export const VERIFY_FAILURES = ['malformed', 'bad_signature', 'unknown_key', 'expired', 'not_yet_valid', 'wrong_audience'] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifyResult =
  | { readonly ok: true; readonly claims: AttestationClaims; readonly kid: string }
  | { readonly ok: false; readonly reason: VerifyFailure };

export interface VerifyOptions {
  /** Who is verifying. An attestation addressed to an audience is valid only for exactly that audience. */
  readonly audience?: string;
  /** Tolerated difference between the issuer's clock and `at`, in ms (default 60 s). */
  readonly clockSkewMs?: number;
}

/** Longest token accepted: a real attestation is well under 1 KB. */
export const MAX_TOKEN_LENGTH = 8192;

const fail = (reason: VerifyFailure): VerifyResult => ({ ok: false, reason });
const utf8 = new TextDecoder('utf-8', { fatal: true });

function json(part: string): unknown {
  const bytes = decodeBase64Url(part);
  if (bytes === undefined || bytes.length === 0) return undefined;
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an attestation offline against the registry's published keys at instant `at`: structure
 * and header, key id, Ed25519 signature (strict RFC 8032), claims, lifetime, then audience.
 * Revocation is not visible offline: ask the registry (GET /v1/attestations/{jti}/status).
 */
export function verifyAttestation(token: string, keys: readonly VerificationKey[], at: Instant, options: VerifyOptions = {}): VerifyResult {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return fail('malformed');
  const parts = token.trim().split('.');
  if (parts.length !== 3) return fail('malformed');
  const [h, p, s] = parts as [string, string, string];
  const header = json(h);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return fail('malformed');
  const { alg, typ, kid, crit } = header as Record<string, unknown>;
  if (alg !== ATTESTATION_ALG || typ !== ATTESTATION_TYP || typeof kid !== 'string' || crit !== undefined) return fail('malformed');
  const signature = decodeBase64Url(s);
  if (signature?.length !== 64 || decodeBase64Url(p) === undefined) return fail('malformed');

  const key = keys.find((k) => k.kid === kid);
  if (!key) return fail('unknown_key');
  let valid = false;
  try {
    valid = ed25519.verify(signature, utf8ToBytes(`${h}.${p}`), key.publicKey, { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return fail('bad_signature');

  const claims = readClaims(json(p));
  if (!claims) return fail('malformed');
  const skew = options.clockSkewMs ?? 60_000;
  if (at >= claims.exp * 1000 + skew) return fail('expired');
  if (at < claims.iat * 1000 - skew) return fail('not_yet_valid');
  if (claims.aud !== undefined && claims.aud !== options.audience?.trim()) return fail('wrong_audience');
  return { ok: true, claims, kid };
}
