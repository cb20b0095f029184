import type { Instant } from '../core/brand.js';
import { decodeBase64Url, encodeBase64Url } from '../core/attestation/index.js';
import { ringKey, type KeyRing } from './key-ring.js';

/** Marks the file format; a key file without it (or from a future version) is refused. */
export const KEY_FILE_FORMAT = 'credence-attestation-keys/1';

interface KeyFileEntry {
  readonly kid: string;
  readonly seed: string;
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

const time = (text: unknown, what: string): Instant => {
  const t = typeof text === 'string' ? Date.parse(text) : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not an ISO 8601 time`);
  return t;
};

/** The key ring as the key file (or CREDENCE_ATTEST_KEYS) holds it: JSON with base64url seeds. */
export function formatKeyFile(ring: KeyRing): string {
  const keys: KeyFileEntry[] = ring.keys.map((k) => ({
    kid: k.kid, seed: encodeBase64Url(k.secretKey), createdAt: new Date(k.createdAt).toISOString(),
    retiredAt: k.retiredAt === null ? null : new Date(k.retiredAt).toISOString(),
  }));
  return `${JSON.stringify({ format: KEY_FILE_FORMAT, keys }, null, 2)}\n`;
}

/** Parses a key file; throws RangeError saying what is wrong, never echoing a secret. */
export function parseKeyFile(text: string): KeyRing {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new RangeError('the attestation key file is not JSON');
  }
  const { format, keys } = (typeof doc === 'object' && doc !== null ? doc : {}) as { format?: unknown; keys?: unknown };
  if (format !== KEY_FILE_FORMAT || !Array.isArray(keys)) throw new RangeError(`the attestation key file must have format "${KEY_FILE_FORMAT}" and a keys array`);
  const ring = keys.map((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Record<keyof KeyFileEntry, unknown>>;
    const seed = typeof e.seed === 'string' ? decodeBase64Url(e.seed) : undefined;
    if (seed?.length !== 32) throw new RangeError(`key ${i}: seed must be 32 bytes, base64url`);
    const key = ringKey(seed, time(e.createdAt, `key ${i}: createdAt`), e.retiredAt === null || e.retiredAt === undefined ? null : time(e.retiredAt, `key ${i}: retiredAt`));
    if (key.kid !== e.kid) throw new RangeError(`key ${i}: kid does not match the key`);
    return key;
  });
  if (!ring.some((k) => k.retiredAt === null)) throw new RangeError('the attestation key file has no active key (every key is retired)');
  return { keys: ring };
}
