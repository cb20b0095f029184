import { ed25519 } from '@noble/curves/ed25519.js';
import type { Instant } from '../core/brand.js';
import { jwkThumbprint, MAX_ATTESTATION_DAYS, publicJwk, type Jwks } from '../core/attestation/index.js';

/** One attestation signing key of the registry. */
export interface RingKey {
  readonly kid: string;
  /** 32-byte Ed25519 seed. */
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly createdAt: Instant;
  /** When a newer key took over signing; null for the key that signs now. */
  readonly retiredAt: Instant | null;
}

/** The registry's attestation keys, oldest first: the last unretired one signs. */
export interface KeyRing {
  readonly keys: readonly RingKey[];
}

const DAY = 86_400_000;
/**
 * A retired key stays published this long: every attestation it signed was issued before its
 * retirement and lives at most 30 days (one more day covers a server that noticed the rotation late).
 */
export const PUBLISHED_AFTER_RETIREMENT_MS = (MAX_ATTESTATION_DAYS + 1) * DAY;

export function ringKey(seed: Uint8Array, createdAt: Instant, retiredAt: Instant | null = null): RingKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const publicKey = ed25519.getPublicKey(seed);
  return { kid: jwkThumbprint(publicKey), secretKey: Uint8Array.from(seed), publicKey, createdAt, retiredAt };
}

/** The key that signs new attestations. */
export function activeKey(ring: KeyRing): RingKey {
  const key = ring.keys.findLast((k) => k.retiredAt === null);
  if (!key) throw new RangeError('the attestation key ring has no active key');
  return key;
}

/** Keys a verifier needs at `at`: the active one and every retired one whose attestations may still be live. */
export const publishedKeys = (ring: KeyRing, at: Instant): readonly RingKey[] =>
  ring.keys.filter((k) => k.retiredAt === null || at < k.retiredAt + PUBLISHED_AFTER_RETIREMENT_MS);

export const jwksOf = (ring: KeyRing, at: Instant): Jwks => ({ keys: publishedKeys(ring, at).map(publicJwk) });

/**
 * Rotation: the active key retires at `at`, a key from `seed` takes over, and keys no longer
 * published are dropped (their secrets are no use to anyone any more).
 */
export function rotateRing(ring: KeyRing, seed: Uint8Array, at: Instant): KeyRing {
  const next = ringKey(seed, at);
  if (ring.keys.some((k) => k.kid === next.kid)) throw new RangeError('the new key is already in the ring');
  const retired = ring.keys.map((k) => (k.retiredAt === null ? { ...k, retiredAt: at } : k));
  return { keys: [...publishedKeys({ keys: retired }, at), next] };
}
