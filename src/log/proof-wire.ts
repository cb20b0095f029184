import type { LedgerEvent } from '../core/ledger/ledger-event.js';

// What the log's HTTP routes send, shared by the server, the CLI and the web app. Hashes are standard base64.

export interface InclusionProofWire {
  readonly seq: number;
  readonly leafIndex: number;
  readonly size: number;
  readonly proof: readonly string[];
}

export interface ConsistencyProofWire {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

/** One of a subject's own events with its inclusion proof (null while no checkpoint covers it yet). */
export interface SubjectEventProofWire {
  /** Exactly as the log hashes it: `recordedAt` in milliseconds. */
  readonly event: { readonly seq: number; readonly recordedAt: number; readonly actor: string; readonly event: LedgerEvent };
  readonly leafIndex: number;
  readonly proof: readonly string[] | null;
}

/** GET /v1/me/log/proofs: the latest checkpoint and a proof for each of the subject's events against it. */
export interface SubjectProofsWire {
  /** The signed checkpoint note every proof is against. */
  readonly checkpoint: string;
  readonly size: number;
  readonly items: readonly SubjectEventProofWire[];
}
