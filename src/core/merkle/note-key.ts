import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64 } from './base64.js';

/** Signs notes: `secretKey` is the 32-byte Ed25519 seed. */
export interface NoteSigner {
  readonly name: string;
  readonly secretKey: Uint8Array;
}

/** Verifies notes: a key name and its 32-byte Ed25519 public key. */
export interface NoteVerifier {
  readonly name: string;
  readonly publicKey: Uint8Array;
}

/** C2SP signed-note signature type for Ed25519. */
const ED25519_TYPE = 0x01;

/** Key names are non-empty, with no whitespace and no '+' (they appear in `name+id+key` strings). */
export const isValidKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** Key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
export const keyId = (name: string, publicKey: Uint8Array): Uint8Array =>
  sha256(concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, ED25519_TYPE), publicKey)).slice(0, 4);

/** Derives the key pair from 32 seed bytes; the caller supplies the randomness. */
export function generateKeyPair(seed: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const secretKey = Uint8Array.from(seed);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** The verifier key string `<name>+<hex key id>+<base64(0x01 ‖ public key)>`. */
export function verifierKeyString(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new RangeError(`invalid key name: ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  const encoded = encodeBase64(concatBytes(Uint8Array.of(ED25519_TYPE), publicKey));
  return `${name}+${bytesToHex(keyId(name, publicKey))}+${encoded}`;
}

export type ParsedVerifierKey = { readonly ok: true; readonly key: NoteVerifier } | { readonly ok: false; readonly error: string };

/** Parses a verifier key string, checking the name, the key type and that the id matches the key. */
export function parseVerifierKey(vkey: string): ParsedVerifierKey {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 0 || second < 0) return { ok: false, error: 'expected <name>+<key id>+<key>' };
  const name = vkey.slice(0, first);
  const id = vkey.slice(first + 1, second);
  if (!isValidKeyName(name)) return { ok: false, error: 'invalid key name' };
  if (!/^[0-9a-f]{8}$/.test(id)) return { ok: false, error: 'key id must be 8 lowercase hex digits' };
  const raw = decodeBase64(vkey.slice(second + 1));
  if (raw?.length !== 33 || raw[0] !== ED25519_TYPE) return { ok: false, error: 'not an Ed25519 verifier key' };
  const publicKey = raw.slice(1);
  if (!ed25519.utils.isValidPublicKey(publicKey, false)) return { ok: false, error: 'not a valid Ed25519 point' };
  if (bytesToHex(keyId(name, publicKey)) !== id) return { ok: false, error: 'key id does not match the key' };
  return { ok: true, key: { name, publicKey } };
}
