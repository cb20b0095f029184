import cliProgress from 'cli-progress';
import { formatBytes, formatDuration, formatRate } from './format-numbers.js';

export interface ProgressReporter {
  /** `bytes`: absolute offset reached in the input; `records`: lines handled in this run. */
  update(bytes: number, records: number): void;
  stop(): void;
}

export interface ProgressOptions {
  readonly totalBytes: number;
  /** Where a resumed run starts, so rate and ETA count only this run's work. */
  readonly startBytes: number;
  readonly stream: NodeJS.WriteStream;
  /** Plain-line interval when the stream is not a terminal. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** A progress bar on a terminal; otherwise one plain line every few seconds (logs, CI, pipes). */
export function createProgress(opts: ProgressOptions): ProgressReporter {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const rate = (records: number): number => records / Math.max((now() - started) / 1000, 1e-3);

  if (opts.stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: opts.stream,
        format: 'importing {bar} {percentage}% | {done} of {size} | {rate} | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(opts.totalBytes, 1), opts.startBytes, { done: formatBytes(opts.startBytes), size: formatBytes(opts.totalBytes), rate: '' });
    return {
      update: (bytes, records) => bar.update(bytes, { done: formatBytes(bytes), rate: formatRate(rate(records)) }),
      stop: () => bar.stop(),
    };
  }

  const interval = opts.intervalMs ?? 5000;
  let lastPrinted = started;
  return {
    update(bytes, records) {
      const t = now();
      if (t - lastPrinted < interval) return;
      lastPrinted = t;
      const fraction = opts.totalBytes > 0 ? bytes / opts.totalBytes : 1;
      const byteRate = (bytes - opts.startBytes) / Math.max((t - started) / 1000, 1e-3);
      const eta = byteRate > 0 ? formatDuration(((opts.totalBytes - bytes) / byteRate) * 1000) : 'unknown';
      opts.stream.write(
        `importing: ${(fraction * 100).toFixed(1)}% (${formatBytes(bytes)} of ${formatBytes(opts.totalBytes)}), ` +
          `${records.toLocaleString('en-US')} lines, ${formatRate(rate(records))}, ETA ${eta}\n`,
      );
    },
    stop: () => undefined,
  };
}
