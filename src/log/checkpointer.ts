import type { Instant } from '../core/brand.js';
import {
  bytesEqual, consistencyPlan, consistencyProof, emptyRoot, formatCheckpoint, planNodes, rootAt, rootPlan, signCheckpoint,
  verifyConsistency, type Hasher, type NoteSigner,
} from '../core/merkle/index.js';
import type { CheckpointRow, LogStore } from '../store/log-store.js';
import { readerFor } from './stored-tiles.js';

/** Thrown instead of signing anything that would contradict an earlier checkpoint. */
export class LogIntegrityError extends Error {
  override readonly name = 'LogIntegrityError';
}

/**
 * Signs the tree the tiles hold if it grew since the last checkpoint, and returns the latest
 * checkpoint. Before signing it recomputes the root from the tiles and proves the new tree extends
 * the last signed one: it never signs a smaller tree, a different root for a signed size, or a tree
 * whose stored nodes disagree with its head.
 */
export async function signIfGrown(store: LogStore, h: Hasher, origin: string, signer: NoteSigner, at: Instant): Promise<CheckpointRow> {
  const [head, last] = [await store.head(), await store.latestCheckpoint()];
  if (last && head.size < last.size) {
    throw new LogIntegrityError(`the log tiles hold ${head.size} leaves, fewer than the last checkpoint's ${last.size}: refusing to sign a rollback`);
  }
  if (last && head.size === last.size) {
    if (head.root === null || !bytesEqual(head.root, last.root)) throw new LogIntegrityError(`the log head's root for size ${head.size} differs from the signed one`);
    return last;
  }
  const plan = [...rootPlan(head.size), ...(last ? planNodes(consistencyPlan(last.size, head.size)) : [])];
  const read = await readerFor(store, h, plan);
  const root = rootAt(h, read, head.size);
  if (!bytesEqual(root, head.root ?? emptyRoot(h))) throw new LogIntegrityError(`the stored tiles do not give the head's root at size ${head.size}`);
  if (last && !verifyConsistency(h, last.size, head.size, last.root, root, consistencyProof(h, read, last.size, head.size))) {
    throw new LogIntegrityError(`the tree of size ${head.size} does not extend the last checkpoint (size ${last.size})`);
  }
  const row: CheckpointRow = { size: head.size, root, note: signCheckpoint(formatCheckpoint({ origin, size: head.size, root }), signer), signedAt: at };
  if (await store.addCheckpoint(row)) return row;
  const latest = await store.latestCheckpoint(); // another signer stored this size or a larger one first
  if (!latest) throw new Error('a checkpoint was refused, yet none is stored');
  return latest;
}
