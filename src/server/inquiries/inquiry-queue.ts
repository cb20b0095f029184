import type { InquiryRow } from '../../store/service-store.js';

export interface InquiryQueueOptions {
  /** Flush as soon as this many inquiries wait. */
  readonly maxBatch: number;
  /** Wait at most this long for more inquiries before a flush (0: flush on the next turn of the event loop). */
  readonly maxDelayMs: number;
  /** Groups being committed at once (default 1); a store whose syncs overlap makes use of more. */
  readonly maxInFlight?: number;
}

export interface InquiryQueue {
  /** Resolves once the inquiry is durably committed (with the others of its group); rejects if the commit fails. */
  record(inquiry: InquiryRow): Promise<void>;
  /** Commits everything queued so far and waits for it. */
  drain(): Promise<void>;
  /** Inquiries committed since start (for metrics and tests). */
  readonly committed: () => number;
}

interface Waiting {
  readonly row: InquiryRow;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit: inquiries queue up while groups are being committed, and the next group takes all
 * of them (up to maxBatch), so one sync serves many checks and none is answered before its commit.
 */
export function inquiryQueue(append: (rows: readonly InquiryRow[]) => Promise<void>, options: InquiryQueueOptions): InquiryQueue {
  const maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  let pending: Waiting[] = [];
  const running = new Set<Promise<void>>();
  let timeout: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let committed = 0;

  const cancel = (): void => {
    if (timeout) clearTimeout(timeout);
    if (immediate) clearImmediate(immediate);
    timeout = null;
    immediate = null;
  };

  const schedule = (): void => {
    if (running.size >= maxInFlight || immediate) return;
    if (pending.length >= options.maxBatch || options.maxDelayMs <= 0) {
      if (timeout) clearTimeout(timeout);
      timeout = null;
      immediate = setImmediate(flush);
    } else if (!timeout) {
      timeout = setTimeout(flush, options.maxDelayMs);
    }
  };

  function flush(): void {
    cancel();
    if (running.size >= maxInFlight || pending.length === 0) return;
    const batch = pending.slice(0, options.maxBatch);
    pending = pending.slice(batch.length);
    const done: Promise<void> = Promise.resolve().then(() => append(batch.map((w) => w.row))).then(
      () => {
        committed += batch.length;
        for (const w of batch) w.resolve();
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    ).finally(() => {
      running.delete(done);
      if (pending.length > 0) schedule();
    });
    running.add(done);
    if (pending.length > 0) schedule();
  }

  return {
    record: (row) => new Promise<void>((resolve, reject) => {
      pending.push({ row, resolve, reject });
      schedule();
    }),
    drain: async () => {
      while (pending.length > 0 || running.size > 0) {
        flush();
        if (running.size > 0) await Promise.race(running);
      }
      cancel();
    },
    committed: () => committed,
  };
}
