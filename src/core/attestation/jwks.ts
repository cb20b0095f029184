import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { ATTESTATION_ALG, type VerificationKey } from './attestation-claims.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/** One public key as JWKS publishes it (RFC 8037 OKP key). */
export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly alg: typeof ATTESTATION_ALG;
}

export interface Jwks {
  readonly keys: readonly PublicJwk[];
}

/** The RFC 7638 thumbprint of an Ed25519 public key: the registry's key id, stable across files and hosts. */
export function jwkThumbprint(publicKey: Uint8Array): string {
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${encodeBase64Url(publicKey)}"}`;
  return encodeBase64Url(sha256(utf8ToBytes(canonical)));
}

export const publicJwk = (key: VerificationKey): PublicJwk =>
  ({ kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(key.publicKey), kid: key.kid, use: 'sig', alg: ATTESTATION_ALG });

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The Ed25519 signing keys of a JWKS document. Keys of other types or uses are skipped; an Ed25519
 * key that is not a valid point, or a document that is not a JWKS, is an error.
 */
export function parseJwks(doc: unknown): { readonly ok: true; readonly keys: readonly VerificationKey[] } | { readonly ok: false; readonly error: string } {
  if (!isObject(doc) || !Array.isArray(doc.keys)) return { ok: false, error: 'a key set is a JSON object with a "keys" array' };
  const keys: VerificationKey[] = [];
  for (const [i, k] of (doc.keys as unknown[]).entries()) {
    if (!isObject(k)) return { ok: false, error: `key ${i} is not an object` };
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519') continue;
    if ((k.use !== undefined && k.use !== 'sig') || (k.alg !== undefined && k.alg !== ATTESTATION_ALG)) continue;
    if (typeof k.kid !== 'string' || k.kid === '') return { ok: false, error: `key ${i} has no "kid"` };
    const x = typeof k.x === 'string' ? decodeBase64Url(k.x) : undefined;
    if (x?.length !== 32 || !ed25519.utils.isValidPublicKey(x, false)) return { ok: false, error: `key ${k.kid} is not a valid Ed25519 public key` };
    keys.push({ kid: k.kid, publicKey: x });
  }
  return { ok: true, keys };
}
