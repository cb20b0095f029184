import { decodeBase64, leafHash, openCheckpoint, verifyInclusion, type Hasher, type NoteVerifier } from '../core/merkle/index.js';
import { leafBytes } from './leaf-bytes.js';
import type { SubjectProofsWire } from './proof-wire.js';

export interface EventProofCheck {
  readonly seq: number;
  /** 'included': the proof shows the event in the signed tree; 'pending': no checkpoint covers it yet. */
  readonly verdict: 'included' | 'pending' | 'invalid';
}

export type SubjectProofsCheck =
  | { readonly ok: true; readonly size: number; readonly events: readonly EventProofCheck[] }
  | { readonly ok: false; readonly reason: string; readonly events: readonly EventProofCheck[] };

/**
 * Checks a subject's proofs offline: the checkpoint is signed by the trusted log key, and each event,
 * hashed as the log hashes it, is in the signed tree. Pure: runs in the browser and the CLI.
 */
export function verifySubjectProofs(h: Hasher, answer: SubjectProofsWire, trusted: NoteVerifier): SubjectProofsCheck {
  const opened = openCheckpoint(answer.checkpoint, [trusted]);
  if (!opened.ok) return { ok: false, reason: `the checkpoint does not verify: ${opened.detail}`, events: [] };
  const { size, root } = opened.checkpoint;
  const events = answer.items.map((item): EventProofCheck => {
    const { seq } = item.event;
    if (item.proof === null) return { seq, verdict: seq > size ? 'pending' : 'invalid' };
    const proof = item.proof.map(decodeBase64);
    const ok = proof.every((p) => p !== undefined)
      && verifyInclusion(h, leafHash(h, leafBytes(item.event)), seq - 1, size, proof as Uint8Array[], root);
    return { seq, verdict: ok ? 'included' : 'invalid' };
  });
  const bad = events.filter((e) => e.verdict === 'invalid');
  return bad.length === 0
    ? { ok: true, size, events }
    : { ok: false, reason: `${bad.length} event(s) are not proven in the signed log: seq ${bad.map((e) => e.seq).join(', ')}`, events };
}
