export interface Sweeper {
  /** Cancels the next run and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs `task` soon after start, then `everyMs` after each run ends; runs never overlap. */
export function startSweeper(task: () => Promise<unknown>, everyMs: number, onError: (e: unknown) => void, firstAfterMs = 1_000): Sweeper {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number): void => {
    timer = setTimeout(() => {
      running = task().then(() => undefined, onError).finally(() => {
        running = null;
        if (!stopped) schedule(everyMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(firstAfterMs);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
