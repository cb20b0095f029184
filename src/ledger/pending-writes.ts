/**
 * Writes issued without waiting for each, so the database executes one while the caller prepares
 * the next (the store runs a transaction's statements in call order). `settled` waits for all and
 * throws the first failure; no failure goes unobserved in between.
 */
export interface PendingWrites {
  add(write: Promise<unknown>): void;
  settled(): Promise<void>;
}

export function pendingWrites(): PendingWrites {
  const pending: Promise<void>[] = [];
  let failure: { readonly error: unknown } | undefined;
  return {
    add: (write) => {
      if (failure) throw failure.error;
      pending.push(write.then(() => undefined, (error: unknown) => {
        failure ??= { error };
      }));
    },
    settled: async () => {
      await Promise.all(pending);
      if (failure) throw failure.error;
    },
  };
}

/**
 * Lets the event loop handle the database's answers (and send the writes queued behind them) before
 * the caller prepares the next slice: a network store only writes between such turns.
 */
export const ioTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
