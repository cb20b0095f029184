import type { Instant } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import type { ClientRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { commitBatches, type Lane } from './commit-batches.js';
import { MAX_BATCH, MAX_BATCHES_PER_COMMIT, type BatchResult } from './furnish-types.js';
import { deferred, joinChain, type ChainedGroup } from './group-chain.js';
import { activeFurnisher, type LedgerContext } from './ledger-context.js';
import { ioTurn } from './pending-writes.js';
import { validateItem, type ItemCheck } from './validate-item.js';

export { furnishedRecord } from './furnished-record.js';

const EMPTY: BatchResult = { accepted: 0, duplicates: 0, rejected: 0, items: [] };

function checkBatch(batch: unknown): asserts batch is readonly unknown[] {
  if (!Array.isArray(batch)) throw new CredenceError('invalid_request', 'a batch must be an array of records');
  if (batch.length > MAX_BATCH) throw new CredenceError('payload_too_large', `a batch holds at most ${MAX_BATCH} records, got ${batch.length}`);
}

/** The checks that need no database, item by item. */
const prepare = (batch: readonly unknown[], furnisher: ClientRow, at: Instant): ItemCheck[] => batch.map((raw) => validateItem(raw, furnisher, at));

/**
 * Validates a batch, then commits its accepted items, their events and the touched subjects'
 * standings in one transaction; resolves after the commit is durable. Rejections are counted per code.
 */
export async function furnish(ctx: LedgerContext, furnisherId: string, batch: readonly unknown[], at: Instant): Promise<BatchResult> {
  checkBatch(batch);
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  if (batch.length === 0) return EMPTY;
  const prepared = prepare(batch, furnisher, at);
  const [result] = await ctx.store.write((tx) => commitBatches(ctx, tx, furnisherId, [prepared], at));
  return result ?? EMPTY;
}

/**
 * Several batches of one furnisher in one transaction, for bulk import: one durable commit instead
 * of one per batch, and each touched subject's standing computed and written once. Each batch is
 * answered exactly as `furnish` would have, in order.
 */
export async function furnishMany(ctx: LedgerContext, furnisherId: string, batches: readonly (readonly unknown[])[], at: Instant): Promise<BatchResult[]> {
  if (batches.length > MAX_BATCHES_PER_COMMIT) {
    throw new CredenceError('payload_too_large', `at most ${MAX_BATCHES_PER_COMMIT} batches are committed together, got ${batches.length}`);
  }
  batches.forEach(checkBatch);
  // Joined in call order, before anything is awaited: the chain orders the groups' commits.
  const chained = joinChain(ctx);
  try {
    return await validateAndCommit(ctx, chained, furnisherId, batches, at);
  } finally {
    chained.end();
  }
}

async function validateAndCommit(
  ctx: LedgerContext, chained: ChainedGroup, furnisherId: string, batches: readonly (readonly unknown[])[], at: Instant,
): Promise<BatchResult[]> {
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  // On a network store, the group committing before this one gets the event loop between batches:
  // its answers are handled, and its next statements sent, while this group is validated.
  const turn = ctx.store.dialect === 'postgres' ? ioTurn : () => undefined;
  const prepared: ItemCheck[][] = [];
  for (const batch of batches) {
    if (prepared.length > 0) await turn();
    prepared.push(prepare(batch, furnisher, at));
  }
  if (prepared.every((p) => p.length === 0)) return prepared.map(() => EMPTY);
  return commitGroup(ctx, chained, (tx, lane) => commitBatches(ctx, tx, furnisherId, prepared, at, lane));
}

type GroupWrite<T> = (tx: WriteTx, lane: Lane) => Promise<T>;

/**
 * Commits a group of a chain. Where the store can, the group is written ahead: once the group before
 * it has sent all its appends (and the one before that is done), on top of what that group built, and
 * committed only after it, if it did commit. Otherwise, and whenever that fails, it is written under
 * the head lock as any write. Either way its first attempt is lent to the group after it (which, when
 * that attempt fails, fails too and runs under the lock after it).
 */
async function commitGroup<T>(ctx: LedgerContext, chained: ChainedGroup, write: GroupWrite<T>): Promise<T> {
  const { store } = ctx;
  // Only where a group can be written ahead is what it built worth lending (SQLite keeps none).
  const lends = store.writeAhead !== undefined && ctx.onAppend === undefined;
  const prior = lends ? await chained.prior?.built : undefined;
  if (prior && store.writeAhead) {
    await prior.priorDone;
    const attempt = newAttempt(chained, lends);
    try {
      const result = await store.writeAhead(prior.tx, (tx) => attempt.run(tx, { prior }, write));
      attempt.ended(true);
      return result;
    } catch {
      attempt.ended(false);
      // Behind the group before it, which may be running again under the lock too: groups commit in call order.
      await chained.prior?.done;
    }
  }
  let attempt: Attempt | undefined;
  try {
    const result = await store.write((tx) => {
      // A write may run again: each run is an attempt of its own, and one that ran again did not commit.
      attempt?.ended(false);
      attempt = newAttempt(chained, lends);
      return attempt.run(tx, {}, write);
    });
    attempt?.ended(true);
    return result;
  } catch (error) {
    attempt?.ended(false);
    throw error;
  }
}

interface Attempt {
  run<T>(tx: WriteTx, lane: Lane, write: GroupWrite<T>): Promise<T>;
  ended(committed: boolean): void;
}

/** One attempt at a group's transaction, lent to the next group as soon as it has built (if it `lends`). */
function newAttempt(chained: ChainedGroup, lends: boolean): Attempt {
  const committed = deferred<boolean>();
  return {
    run: (tx, lane, write) => {
      if (!lends) return write(tx, lane);
      const priorDone = chained.prior?.done ?? Promise.resolve();
      return write(tx, { ...lane, built: (g) => chained.build({ ...g, tx, committed: committed.promise, priorDone }) });
    },
    ended: (ok) => committed.resolve(ok),
  };
}
