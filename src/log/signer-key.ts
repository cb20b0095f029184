import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64, generateKeyPair, keyId, verifierKeyString, type NoteSigner } from '../core/merkle/index.js';

/** A log signing key: the note signer and the verifier key string auditors trust. */
export interface LogKey {
  readonly signer: NoteSigner;
  readonly publicKey: Uint8Array;
  /** `<name>+<key id>+<base64 key>`: what /v1/log/key publishes and `--trust` takes. */
  readonly vkey: string;
}

const PREFIX = 'PRIVATE+KEY+';

/** The signer key string `PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>`, as Go's note package writes it. */
export function formatSignerKey(name: string, seed: Uint8Array): string {
  const { publicKey } = generateKeyPair(seed);
  verifierKeyString(name, publicKey); // validates the name
  return `${PREFIX}${name}+${bytesToHex(keyId(name, publicKey))}+${encodeBase64(Uint8Array.of(0x01, ...seed))}`;
}

/** Parses a signer key string; throws RangeError saying what is wrong (never echoing the secret). */
export function parseSignerKey(text: string): LogKey {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) throw new RangeError('a log key starts with PRIVATE+KEY+');
  // Base64 may itself contain '+': the key is everything after the second separator.
  const [name, id, ...keyParts] = trimmed.slice(PREFIX.length).split('+');
  const encoded = keyParts.join('+');
  if (name === undefined || id === undefined || encoded === '') throw new RangeError('a log key is PRIVATE+KEY+<name>+<key id>+<key>');
  const raw = decodeBase64(encoded);
  if (raw?.length !== 33 || raw[0] !== 0x01) throw new RangeError('the log key is not an Ed25519 key');
  const seed = raw.slice(1);
  const { secretKey, publicKey } = generateKeyPair(seed);
  if (bytesToHex(keyId(name, publicKey)) !== id) throw new RangeError('the log key id does not match the key');
  return { signer: { name, secretKey }, publicKey, vkey: verifierKeyString(name, publicKey) };
}
