import { CredenceError } from '../core/errors.js';
import type { StoredEvent } from '../core/ledger/ledger-event.js';
import type { ClientRow, NewEvent } from '../store/rows.js';
import type { Store, WriteTx } from '../store/store.js';
import { queueDueProcessJobs } from './disputes/notice-jobs.js';
import type { RulebookCache } from './rulebook-cache.js';

/**
 * Runs inside the write transaction that appends events, after they have their sequence numbers:
 * where the transparency log adds its tree nodes, so log and ledger commit together.
 */
export type AppendHook = (tx: WriteTx, events: readonly StoredEvent[]) => Promise<void>;

export interface LedgerContext {
  readonly store: Store;
  readonly rulebooks: RulebookCache;
  readonly onAppend: AppendHook | undefined;
  /** Subjects per transaction in batch jobs (publish, sweep, verify). */
  readonly batchSize: number;
}

/** Appends events and, in the same transaction, queues their due-process jobs and runs the append hook. */
export async function appendEvents(ctx: LedgerContext, tx: WriteTx, events: readonly NewEvent[]): Promise<readonly StoredEvent[]> {
  if (events.length === 0) return [];
  const stored = await tx.appendEvents(events);
  await queueDueProcessJobs(tx, stored);
  if (ctx.onAppend) await ctx.onAppend(tx, stored);
  return stored;
}

/** The furnisher behind a request: registered, a furnisher, not revoked. */
export async function activeFurnisher(store: Store, furnisherId: string): Promise<ClientRow> {
  const client = await store.read((tx) => tx.client(furnisherId));
  if (!client) throw new CredenceError('not_found', `furnisher ${furnisherId} is not registered`);
  if (client.role !== 'furnisher') throw new CredenceError('forbidden', `client ${furnisherId} is a ${client.role}, not a furnisher`);
  if (client.status !== 'active') throw new CredenceError('forbidden', `furnisher ${furnisherId} was revoked`);
  return client;
}
