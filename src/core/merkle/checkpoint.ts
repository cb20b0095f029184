import { decodeBase64, encodeBase64 } from './base64.js';
import { HASH_SIZE } from './hasher.js';
import type { NoteSigner, NoteVerifier } from './note-key.js';
import { openNote, signNote, type NoteError } from './signed-note.js';
import { isTreeSize } from './tree-math.js';

/** A signed tree head (C2SP tlog-checkpoint): the log's origin, a tree size and its root. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** Opaque extra lines after the root, each non-empty. */
  readonly extensions?: readonly string[];
}

export type OpenedCheckpoint =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly signers: readonly string[] }
  | { readonly ok: false; readonly error: NoteError | 'malformed_checkpoint'; readonly detail: string };

const CANONICAL_SIZE = /^(?:0|[1-9][0-9]*)$/;
const isLine = (s: string): boolean => s.length > 0 && !s.includes('\n');

/** The checkpoint body `<origin>\n<size>\n<base64 root>\n[extension lines]`. Throws RangeError on bad input. */
export function formatCheckpoint(cp: Checkpoint): string {
  if (!isLine(cp.origin)) throw new RangeError('the origin is one non-empty line');
  if (!isTreeSize(cp.size)) throw new RangeError(`not a tree size: ${cp.size}`);
  if (cp.root.length !== HASH_SIZE) throw new RangeError(`the root is ${HASH_SIZE} bytes`);
  const ext = cp.extensions ?? [];
  if (!ext.every(isLine)) throw new RangeError('extension lines are non-empty single lines');
  return [cp.origin, String(cp.size), encodeBase64(cp.root), ...ext].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint body, accepting only the canonical spelling formatCheckpoint produces. */
export function parseCheckpoint(body: string): Checkpoint | undefined {
  if (!body.endsWith('\n')) return undefined;
  const [origin, size, root, ...extensions] = body.slice(0, -1).split('\n');
  if (origin === undefined || size === undefined || root === undefined) return undefined;
  if (origin === '' || extensions.some((l) => l === '')) return undefined;
  if (!CANONICAL_SIZE.test(size) || !isTreeSize(Number(size))) return undefined;
  const rootBytes = decodeBase64(root);
  if (rootBytes?.length !== HASH_SIZE) return undefined;
  return { origin, size: Number(size), root: rootBytes, extensions };
}

/** Signs a checkpoint body, returning the signed note text. */
export function signCheckpoint(body: string, signer: NoteSigner): string {
  if (!parseCheckpoint(body)) throw new RangeError('not a checkpoint body');
  return signNote(body, [signer]);
}

/** Verifies a signed checkpoint against trusted keys and parses it; never throws. */
export function openCheckpoint(note: string, trustedKeys: readonly NoteVerifier[]): OpenedCheckpoint {
  const opened = openNote(note, trustedKeys);
  if (!opened.ok) return opened;
  const checkpoint = parseCheckpoint(opened.text);
  if (!checkpoint) return { ok: false, error: 'malformed_checkpoint', detail: 'not a canonical checkpoint body' };
  return { ok: true, checkpoint, signers: opened.signers };
}
