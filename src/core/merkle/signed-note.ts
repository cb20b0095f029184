import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { isValidKeyName, keyId, type NoteSigner, type NoteVerifier } from './note-key.js';

// C2SP signed-note: text ending in a newline, a blank line, then lines
// `— <key name> <base64(4-byte key id ‖ signature)>`. The signature covers the text only.

const SIG_PREFIX = '\u2014 ';
const MAX_NOTE_LENGTH = 1 << 20;
const MAX_SIGNATURES = 100;
/** ASCII controls other than newline, and lone UTF-16 surrogates (not encodable as UTF-8). */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type NoteError = 'malformed_note' | 'unknown_key' | 'bad_signature';

export type OpenedNote =
  | { readonly ok: true; readonly text: string; readonly signers: readonly string[] }
  | { readonly ok: false; readonly error: NoteError; readonly detail: string };

/** A valid note text: non-empty, newline-terminated, no control characters but newline. */
export const isValidNoteText = (text: string): boolean => text.endsWith('\n') && !FORBIDDEN.test(text);

/** Signs `text` with each signer, in order. Throws RangeError on an invalid text or key name. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!isValidNoteText(text)) throw new RangeError('note text must be newline-terminated, without control characters');
  if (signers.length === 0) throw new RangeError('a note needs at least one signer');
  const msg = utf8ToBytes(text);
  const lines = signers.map((s) => {
    if (!isValidKeyName(s.name)) throw new RangeError(`invalid key name: ${JSON.stringify(s.name)}`);
    const id = keyId(s.name, ed25519.getPublicKey(s.secretKey));
    return `${SIG_PREFIX}${s.name} ${encodeBase64(concatBytes(id, ed25519.sign(msg, s.secretKey)))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

const fail = (error: NoteError, detail: string): OpenedNote => ({ ok: false, error, detail });

/**
 * Opens a signed note: every signature by a trusted key (same name and key id) must verify, and at
 * least one must be present. Signatures by other keys are ignored, as the signed-note spec asks.
 */
export function openNote(note: string, trusted: readonly NoteVerifier[]): OpenedNote {
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) return fail('malformed_note', 'not a note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return fail('malformed_note', 'no signature block');
  const text = note.slice(0, split + 1);
  if (!isValidNoteText(text)) return fail('malformed_note', 'invalid note text');
  const sigLines = note.slice(split + 2, -1).split('\n');
  if (sigLines.length > MAX_SIGNATURES) return fail('malformed_note', 'too many signatures');
  const msg = utf8ToBytes(text);
  const keys = trusted.map((k) => ({ ...k, id: bytesToHex(keyId(k.name, k.publicKey)) }));
  const signers: string[] = [];
  for (const line of sigLines) {
    if (!line.startsWith(SIG_PREFIX)) return fail('malformed_note', 'signature line must start with an em dash and a space');
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    const sig = space > 0 ? decodeBase64(rest.slice(space + 1)) : undefined;
    if (!isValidKeyName(name) || !sig || sig.length < 5) return fail('malformed_note', 'malformed signature line');
    const id = bytesToHex(sig.subarray(0, 4));
    const key = keys.find((k) => k.name === name && k.id === id);
    if (!key) continue;
    if (!verifyEd25519(sig.subarray(4), msg, key.publicKey)) return fail('bad_signature', `signature by ${name} does not verify`);
    if (!signers.includes(name)) signers.push(name);
  }
  if (signers.length === 0) return fail('unknown_key', 'no signature by a trusted key');
  return { ok: true, text, signers };
}

/** Strict RFC 8032 verification (no ZIP-215 leniency); malformed keys or signatures are just invalid. */
function verifyEd25519(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  if (sig.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(sig, msg, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
