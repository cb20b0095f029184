import { nobleHasher, openCheckpoint, parseVerifierKey } from '../../../src/core/merkle/index.js';
import type { SubjectProofsWire } from '../../../src/log/proof-wire.js';
import { verifySubjectProofs, type SubjectProofsCheck } from '../../../src/log/verify-subject-proofs.js';

// Loaded on demand: the pure-JS SHA-256 and Ed25519 of the core verify what the server sent, in the browser.

export type CheckpointCheck =
  | { readonly ok: true; readonly origin: string; readonly size: number; readonly rootHex: string; readonly keyName: string }
  | { readonly ok: false; readonly reason: string };

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Opens a signed checkpoint note with the log's verifier key (`<name>+<key id>+<base64 key>`). */
export function checkCheckpoint(note: string, vkey: string): CheckpointCheck {
  const key = parseVerifierKey(vkey.trim());
  if (!key.ok) return { ok: false, reason: key.error };
  const opened = openCheckpoint(note, [key.key]);
  if (!opened.ok) return { ok: false, reason: opened.detail };
  const { origin, size, root } = opened.checkpoint;
  return { ok: true, origin, size, rootHex: hex(root), keyName: vkey.trim().split('+').slice(0, 2).join('+') };
}

/** Checks every event of the subject's answer against the signed checkpoint, hashing each as the log does. */
export function checkMyProofs(answer: SubjectProofsWire, vkey: string): SubjectProofsCheck {
  const key = parseVerifierKey(vkey.trim());
  if (!key.ok) return { ok: false, reason: key.error, events: [] };
  return verifySubjectProofs(nobleHasher, answer, key.key);
}
