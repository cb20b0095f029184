import type { InquiryRow } from '../../store/service-store.js';

export interface InquiryQueueOptions {
  /** Flush as soon as this many inquiries wait. */
  readonly maxBatch: number;
  /** Wait at most this long for more inquiries before a flush (0: flush on the next turn of the event loop). */
  readonly maxDelayMs: number;
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
 * Group commit: inquiries queue up while one transaction is being committed, and the next
 * transaction takes all of them, so one fsync serves many checks and none is answered before its commit.
 */
export function inquiryQueue(append: (rows: readonly InquiryRow[]) => Promise<void>, options: InquiryQueueOptions): InquiryQueue {
  let pending: Waiting[] = [];
  let flushing: Promise<void> | null = null;
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
    if (flushing || immediate) return;
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
    if (flushing || pending.length === 0) return;
    const batch = pending.slice(0, options.maxBatch);
    pending = pending.slice(batch.length);
    flushing = Promise.resolve().then(() => append(batch.map((w) => w.row))).then(
      () => {
        committed += batch.length;
        for (const w of batch) w.resolve();
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    ).finally(() => {
      flushing = null;
      if (pending.length > 0) schedule();
    });
  }

  return {
    record: (row) => new Promise<void>((resolve, reject) => {
      pending.push({ row, resolve, reject });
      schedule();
    }),
    drain: async () => {
      while (pending.length > 0 || flushing) {
        if (!flushing) flush();
        if (flushing) await flushing;
      }
      cancel();
    },
    committed: () => committed,
  };
}
