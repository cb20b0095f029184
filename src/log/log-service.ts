import type { Instant } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import { consistencyPlan, consistencyProof, inclusionPlan, inclusionProof, planNodes, type Hasher } from '../core/merkle/index.js';
import type { AppendHook } from '../ledger/index.js';
import type { CheckpointRow, LogStore } from '../store/log-store.js';
import { logAppender } from './appender.js';
import { signIfGrown } from './checkpointer.js';
import { leafIndexOf } from './leaf-bytes.js';
import type { LogKey } from './signer-key.js';
import { readerFor } from './stored-tiles.js';

export interface InclusionAnswer {
  readonly seq: number;
  readonly leafIndex: number;
  readonly size: number;
  readonly proof: readonly Uint8Array[];
}

/** The transparency log of one registry: follows the ledger, signs checkpoints, serves proofs. */
export interface LogService {
  readonly origin: string;
  readonly key: LogKey;
  readonly store: LogStore;
  /** Appends every stored event the tree does not hold yet; resolves the tree size. */
  catchUp(): Promise<number>;
  /** Catches up and signs the tree if it grew; resolves the latest checkpoint. */
  checkpoint(): Promise<CheckpointRow>;
  latestCheckpoint(): Promise<CheckpointRow | undefined>;
  /** Inclusion proof of event `seq` in the tree of `size` (default: the latest checkpoint's size). */
  inclusion(seq: number, size?: number): Promise<InclusionAnswer>;
  consistency(from: number, to: number): Promise<readonly Uint8Array[]>;
  /** For the ledger's append hook: new events are there, catch up soon. */
  readonly onAppend: AppendHook;
  /** Follows the ledger in the background: polls every `pollMs`, signs at least every `checkpointEveryMs`. */
  start(): void;
  /** Stops following, waits for the current step, closes the store. */
  close(): Promise<void>;
}

export interface LogServiceOptions {
  readonly store: LogStore;
  readonly hasher: Hasher;
  readonly key: LogKey;
  readonly origin: string;
  readonly clock: () => Instant;
  readonly pollMs?: number;
  readonly checkpointEveryMs?: number;
  readonly batchSize?: number;
  /** Where background failures go (the server's logger); the loop keeps running. */
  readonly onError?: (error: unknown) => void;
}

export function createLogService(o: LogServiceOptions): LogService {
  const { store, hasher: h } = o;
  const appender = logAppender(store, h, o.batchSize === undefined ? {} : { batchSize: o.batchSize });
  const pollMs = o.pollMs ?? 100;
  const everyMs = o.checkpointEveryMs ?? 900;
  let lastSigned = { size: -1, at: Number.NEGATIVE_INFINITY };
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  // A failure that persists (a log that refuses to sign) is reported once, not on every poll.
  let reported: string | null = null;

  const checkpoint = async (): Promise<CheckpointRow> => {
    await appender.catchUp();
    const at = o.clock();
    const row = await signIfGrown(store, h, o.origin, o.key.signer, at);
    lastSigned = { size: row.size, at: row.size === lastSigned.size ? lastSigned.at : at };
    return row;
  };

  /** One background step: catch up; sign when the tree grew and the last signature is old enough. */
  const step = async (): Promise<void> => {
    const size = await appender.catchUp();
    if (size !== lastSigned.size && o.clock() - lastSigned.at >= everyMs) await checkpoint();
  };

  const tick = (): void => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = (async () => {
      do {
        again = false;
        await step();
      } while (again && !stopped);
      reported = null;
    })().catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (message === reported) return;
      reported = message;
      o.onError?.(e);
    }).finally(() => {
      busy = null;
    });
  };

  // The head only grows: a size at or below one already seen needs no read of it.
  let knownSize = 0;
  const checkedSize = async (size: number | undefined): Promise<number> => {
    if (size !== undefined && size <= knownSize) return size;
    const head = await store.head();
    knownSize = Math.max(knownSize, head.size);
    const n = size ?? (await store.latestCheckpoint())?.size ?? head.size;
    if (n > head.size) throw new CredenceError('not_found', `the log holds ${head.size} events; no proof for size ${n} yet`);
    return n;
  };

  return {
    origin: o.origin,
    key: o.key,
    store,
    catchUp: () => appender.catchUp(),
    checkpoint,
    latestCheckpoint: () => store.latestCheckpoint(),
    inclusion: async (seq, size) => {
      const n = await checkedSize(size);
      if (seq < 1 || seq > n) throw new CredenceError('not_found', `event ${seq} is not in the log tree of size ${n}`);
      const index = leafIndexOf(seq);
      const read = await readerFor(store, h, planNodes(inclusionPlan(index, n)));
      return { seq, leafIndex: index, size: n, proof: inclusionProof(h, read, index, n) };
    },
    consistency: async (from, to) => {
      const n = await checkedSize(to);
      if (from > n) throw new CredenceError('invalid_request', `no consistency proof from size ${from} to the smaller size ${n}`);
      const read = await readerFor(store, h, planNodes(consistencyPlan(from, n)));
      return consistencyProof(h, read, from, n);
    },
    onAppend: () => {
      if (!stopped) setTimeout(tick, 5).unref();
      return Promise.resolve();
    },
    start: () => {
      if (timer || stopped) return;
      timer = setInterval(tick, pollMs);
      timer.unref();
      tick();
    },
    close: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await busy;
      await store.close();
    },
  };
}
