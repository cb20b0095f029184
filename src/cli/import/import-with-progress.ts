import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { ImportTarget } from './import-target.js';
import { formatImportSummary } from './import-summary.js';
import { createProgress, type ProgressReporter } from './progress-reporter.js';
import { runImport, type ImportFormat, type ImportSummary } from './run-import.js';

export interface ImportFileOptions {
  readonly file: string;
  readonly format: ImportFormat;
  readonly furnisherId: string;
  readonly batch: number;
  readonly restart: boolean;
  /** Test hook: append acknowledged furnisherRefs here, fsync'd after every batch. */
  readonly ackLog?: string;
}

/** `runImport` as the CLI runs it: progress on stderr, Ctrl-C finishes the batch, summary on stdout. */
export async function importWithProgress(target: ImportTarget, opts: ImportFileOptions): Promise<ImportSummary> {
  const stop = stopOnSignal();
  const ack = opts.ackLog === undefined ? undefined : openSync(opts.ackLog, 'a');
  const started = performance.now();
  let progress: ProgressReporter | undefined;
  try {
    const summary = await runImport({
      input: opts.file,
      format: opts.format,
      furnisherId: opts.furnisherId,
      target,
      batchSize: opts.batch,
      resume: !opts.restart,
      clock: () => Date.now(),
      shouldStop: stop.requested,
      onStart: (totalBytes, startBytes) => {
        progress = createProgress({ totalBytes, startBytes, stream: process.stderr });
      },
      onProgress: (offset, lines) => progress?.update(offset, lines),
      ...(ack === undefined ? {} : { onAcknowledged: (refs: readonly string[]) => appendSynced(ack, refs) }),
    });
    progress?.stop();
    process.stdout.write(formatImportSummary(opts.file, summary, performance.now() - started));
    return summary;
  } finally {
    progress?.stop();
    stop.dispose();
    if (ack !== undefined) closeSync(ack);
  }
}

/** Ctrl-C (or SIGTERM) lets the current batch finish and be checkpointed; a second Ctrl-C exits at once. */
function stopOnSignal(): { requested: () => boolean; dispose: () => void } {
  let requested = false;
  const onSignal = (): void => {
    if (requested) process.exit(130);
    requested = true;
    process.stderr.write('\nfinishing the current batch, then stopping (Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested: () => requested,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function appendSynced(fd: number, refs: readonly string[]): void {
  if (refs.length === 0) return;
  writeSync(fd, `${refs.join('\n')}\n`);
  fsyncSync(fd);
}
