import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every API key starts with this, so a leaked key is recognizable (secret scanners, logs). */
export const API_KEY_PREFIX = 'crd_live_';
/** Subject session tokens, when sent as a bearer token instead of the cookie. */
export const SESSION_PREFIX = 'crd_sess_';

/** SHA-256 hex: enough for 256-bit random secrets, which no dictionary can reach. */
export const sha256Hex = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Equal-length hex digests compared without leaking where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export interface NewSecret {
  /** The secret itself: shown once, never stored. */
  readonly secret: string;
  readonly hash: string;
  /** The first characters, safe to show in lists ("crd_live_AbCd…"). */
  readonly hint: string;
}

/** A 256-bit random secret with a recognizable prefix. */
export function newSecret(prefix: string): NewSecret {
  const secret = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: sha256Hex(secret), hint: secret.slice(0, prefix.length + 4) };
}

/** A short random id with a type prefix, e.g. `key_…`. */
export const randomId = (prefix: string, bytes = 12): string => `${prefix}${randomBytes(bytes).toString('base64url')}`;
