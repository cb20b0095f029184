import cliProgress from 'cli-progress';
import { formatBytes, formatDuration, formatRate } from './format-numbers.js';

export interface ProgressReporter {
  /** `bytes`: absolute offset reached in the input; `records`: lines handled in this run. */
  update(bytes: number, records: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted: bytes of an input file (default), or subjects generated. */
  readonly unit?: 'bytes' | 'subjects';
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
  const amount = opts.unit === 'subjects' ? (n: number): string => `${n.toLocaleString('en-US')} subjects` : formatBytes;
  const verb = opts.unit === 'subjects' ? 'generating' : 'importing';
  let stopped = false;
  const started = now();
  const rate = (records: number): number => records / Math.max((now() - started) / 1000, 1e-3);

  if (opts.stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: opts.stream,
        format: `${verb} {bar} {percentage}% | {done} of {size}${opts.unit === 'subjects' ? '' : ' | {rate}'} | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    const done = opts.unit === 'subjects' ? (n: number): string => n.toLocaleString('en-US') : formatBytes;
    bar.start(Math.max(opts.totalBytes, 1), opts.startBytes, { done: done(opts.startBytes), size: amount(opts.totalBytes), rate: '' });
    return {
      update: (bytes, records) => bar.update(bytes, { done: done(bytes), rate: formatRate(rate(records)) }),
      stop: () => {
        if (!stopped) bar.stop();
        stopped = true;
      },
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
      const lines = opts.unit === 'subjects' ? '' : `${records.toLocaleString('en-US')} lines, ${formatRate(rate(records))}, `;
      opts.stream.write(`${verb}: ${(fraction * 100).toFixed(1)}% (${amount(bytes)} of ${amount(opts.totalBytes)}), ${lines}ETA ${eta}\n`);
    },
    stop: () => undefined,
  };
}
