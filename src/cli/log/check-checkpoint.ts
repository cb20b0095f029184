import {
  bytesEqual, decodeBase64, openCheckpoint, parseVerifierKey, verifyConsistency, type Checkpoint, type Hasher,
} from '../../core/merkle/index.js';
import type { ConsistencyProofWire } from '../../log/proof-wire.js';
import { getJson, getText, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';
import type { AuditState } from './audit-state.js';

export interface CheckedCheckpoint {
  /** The checkpoint, when its signature verified under the trusted key. */
  readonly checkpoint: Checkpoint | null;
  readonly note: string | null;
  readonly vkey: string;
  readonly trust: 'given' | 'remembered' | 'first use';
}

/**
 * Fetches the latest checkpoint and checks it: signed by the trusted key (--trust, else the key
 * remembered from an earlier audit, else the published key on first use), same origin as before,
 * and a consistent extension of the last checkpoint this auditor verified.
 */
export async function checkCheckpoint(
  http: AuditHttp, h: Hasher, state: AuditState | null, trusted: string | undefined, out: Problems,
): Promise<CheckedCheckpoint> {
  const served = (await getText(http, '/v1/log/key')).trim();
  const vkey = trusted ?? state?.vkey ?? served;
  const trust = trusted !== undefined ? 'given' : state ? 'remembered' : 'first use';
  const none = { checkpoint: null, note: null, vkey, trust } as const;
  const key = parseVerifierKey(vkey);
  if (!key.ok) {
    out.add({ kind: 'checkpoint', detail: `the trusted key is not a verifier key: ${key.error}` });
    return none;
  }
  if (served !== vkey) out.add({ kind: 'checkpoint', detail: `the server publishes the key ${served}, not the trusted ${vkey}` });
  const note = await getText(http, '/v1/log/checkpoint');
  const opened = openCheckpoint(note, [key.key]);
  if (!opened.ok) {
    out.add({ kind: 'checkpoint', detail: `the checkpoint does not verify under the trusted key: ${opened.detail}` });
    return none;
  }
  const cp = opened.checkpoint;
  if (state) checkAgainstState(state, cp, await consistency(http, state, cp), h, out);
  return { checkpoint: cp, note, vkey, trust };
}

async function consistency(http: AuditHttp, state: AuditState, cp: Checkpoint): Promise<Uint8Array[] | null> {
  if (state.size >= cp.size) return [];
  const wire = await getJson<ConsistencyProofWire>(http, `/v1/log/proof/consistency?from=${state.size}&to=${cp.size}`);
  const proof = wire.proof.map(decodeBase64);
  return proof.every((p) => p !== undefined) ? (proof as Uint8Array[]) : null;
}

function checkAgainstState(state: AuditState, cp: Checkpoint, proof: Uint8Array[] | null, h: Hasher, out: Problems): void {
  if (state.origin !== cp.origin) out.add({ kind: 'checkpoint', detail: `the log's origin changed from ${state.origin} to ${cp.origin}` });
  const oldRoot = decodeBase64(state.root);
  if (!oldRoot) {
    out.add({ kind: 'checkpoint', detail: 'the state file holds no valid root' });
  } else if (cp.size < state.size) {
    out.add({ kind: 'consistency', detail: `rollback: the log shows size ${cp.size}, but size ${state.size} was verified before` });
  } else if (cp.size === state.size) {
    if (!bytesEqual(oldRoot, cp.root)) out.add({ kind: 'consistency', detail: `split view: two different roots were signed for size ${cp.size}` });
  } else if (!proof || !verifyConsistency(h, state.size, cp.size, oldRoot, cp.root, proof)) {
    out.add({ kind: 'consistency', detail: `the tree of size ${cp.size} is not an extension of the verified tree of size ${state.size}` });
  }
}
