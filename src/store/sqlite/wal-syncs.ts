import { close, fdatasync as fsFdatasync, openSync } from 'node:fs';

export interface WalSyncs {
  /**
   * Calls `done` once an fdatasync of the WAL that began after this call has completed, or with the
   * error that stopped the syncs. Waiting requests share the next sync.
   */
  request(done: (error: Error | null) => void): void;
  /** Closes the WAL's descriptor once the syncs in flight are over. */
  close(): Promise<void>;
}

export interface WalSyncsOptions {
  /** Syncs in flight at once: the disk overlaps them, so the next commit need not wait for the last sync. */
  readonly maxInFlight?: number;
  /** For tests: the fdatasync to call. */
  readonly fdatasync?: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;
}

/**
 * Makes commits made without a sync (synchronous = NORMAL) durable, from the thread that acknowledges
 * them: an acknowledgement then waits for the disk only, not for another thread to be scheduled.
 * A failed sync stops the syncs for good: the kernel may have dropped the pages it could not write,
 * so no later sync, even a successful one, proves the earlier commits durable.
 */
export function walSyncs(walPath: string, options: WalSyncsOptions = {}): WalSyncs {
  const maxInFlight = options.maxInFlight ?? 8;
  const sync = options.fdatasync ?? fsFdatasync;
  let waiting: ((error: Error | null) => void)[] = [];
  let inFlight = 0;
  let broken: Error | null = null;
  let fd: number | null = null;
  let idle: (() => void) | null = null;

  // The WAL is opened once. SQLite deletes it only when the last connection to the database closes,
  // and the store's connections stay open while it syncs, so the file synced is the one written.
  const walFd = (): number => {
    fd ??= openSync(walPath, 'r');
    return fd;
  };

  const fail = (callbacks: readonly ((error: Error | null) => void)[], error: Error): void => {
    for (const done of callbacks) done(error);
  };

  const next = (): void => {
    if (broken) {
      const callbacks = waiting;
      waiting = [];
      fail(callbacks, broken);
    }
    if (inFlight >= maxInFlight || waiting.length === 0) {
      if (inFlight === 0) idle?.();
      return;
    }
    const callbacks = waiting;
    waiting = [];
    let descriptor: number;
    try {
      descriptor = walFd();
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      fail(callbacks, broken);
      return;
    }
    inFlight += 1;
    sync(descriptor, (error) => {
      inFlight -= 1;
      if (error) broken ??= error;
      if (broken) fail(callbacks, broken);
      else for (const done of callbacks) done(null);
      next();
    });
  };

  return {
    request: (done) => {
      waiting.push(done);
      next();
    },
    close: async () => {
      if (inFlight > 0) await new Promise<void>((resolve) => { idle = resolve; });
      if (fd !== null) close(fd, () => undefined);
      fd = null;
    },
  };
}
