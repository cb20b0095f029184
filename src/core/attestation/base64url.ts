import { decodeBase64, encodeBase64 } from '../merkle/base64.js';

// Unpadded base64url (RFC 4648 §5), as JWS uses it. Decoding is strict: one spelling per byte
// string (no padding, no stray characters, zero spare bits), so a signed token cannot be re-spelled.

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Bytes of a canonical unpadded base64url string, or undefined. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return decodeBase64(padded);
}
