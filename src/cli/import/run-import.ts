import { createReadStream, rmSync, statSync, type ReadStream } from 'node:fs';
import type { Instant } from '../../core/brand.js';
import type { ErrorCode } from '../../core/errors.js';
import { MAX_BATCH, MAX_BATCHES_PER_COMMIT } from '../../ledger/furnish-types.js';
import { UserError } from '../user-error.js';
import { checkCheckpointWritable, checkpointPathFor, readCheckpoint, removeCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js';
import { csvRowToRecord, parseCsvHeader } from './csv-row.js';
import { decodeLine, displayLine } from './decode-line.js';
import { splitLines, type RawLine } from './line-splitter.js';
import type { ImportTarget } from './import-target.js';
import { parseNdjsonLine, type ParsedLine } from './parse-ndjson-line.js';
import { openRejectedFile, rejectedPathFor, type RejectedLine } from './rejected-file.js';
import { sendBatch, type Pending } from './send-batch.js';

export type ImportFormat = 'ndjson' | 'csv';

export interface ImportOptions {
  readonly input: string;
  readonly format: ImportFormat;
  readonly furnisherId: string;
  readonly target: ImportTarget;
  readonly batchSize?: number;
  /** Continue from `<input>.progress.json` when it matches this input and furnisher (default true). */
  readonly resume?: boolean;
  readonly maxLineBytes?: number;
  /** A batch is also sent once its lines add up to this many bytes (bounds memory for long lines). */
  readonly maxBatchBytes?: number;
  readonly clock: () => Instant;
  /** Checked after each batch: true finishes the import early, leaving the checkpoint (Ctrl-C). */
  readonly shouldStop?: () => boolean;
  /** Called once `furnish` has resolved, with the furnisherRefs it acknowledged (accepted or duplicate). */
  readonly onAcknowledged?: (furnisherRefs: readonly string[]) => void;
  /** Called once before reading, with the input's size and the offset reading starts from. */
  readonly onStart?: (totalBytes: number, startOffset: number) => void;
  /** Called every few hundred lines and after each batch, with the offset reached and the lines handled in this run. */
  readonly onProgress?: (offset: number, lines: number) => void;
}

export interface ImportSummary {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Fulfilment lines applied (not counting fulfilments already made). */
  readonly fulfilled: number;
  /** Non-blank lines handled in this run (after a resume, only those after the checkpoint). */
  readonly linesThisRun: number;
  /** The line a resumed run started from, if it resumed. */
  readonly resumedAtLine: number | null;
  readonly interrupted: boolean;
  /** The rejected file, or null when nothing was rejected. */
  readonly rejectedPath: string | null;
  readonly totalBytes: number;
  /** Offset just past the last line handled. */
  readonly offset: number;
}

export const RAW_KEEP = 2048;
const DEFAULT_MAX_LINE = 1 << 20;
const DEFAULT_MAX_BATCH_BYTES = 16 << 20;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Streams one NDJSON or CSV file into the ledger in batches. Memory stays bounded whatever the file:
 * one chunk, two groups of batches (one being written, the next being read), and at most `maxLineBytes` of any line. Safe to re-run: resubmitted records
 * are duplicates, and a checkpoint written only after a batch is acknowledged lets a re-run skip ahead.
 */
export async function runImport(opts: ImportOptions): Promise<ImportSummary> {
  const batchSize = opts.batchSize ?? MAX_BATCH;
  // Lines are sent in groups of batches committed together when the target takes several at once.
  const groupSize = batchSize * (opts.target.furnishMany ? MAX_BATCHES_PER_COMMIT : 1);
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE;
  const maxBatchBytes = opts.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const stat = statInput(opts.input);
  // An unknown or revoked furnisher fails here, before anything is read or written (furnish checks it even for an empty batch).
  await opts.target.furnish(opts.furnisherId, [], opts.clock());
  const checkpointPath = checkpointPathFor(opts.input);
  const checkpoint = opts.resume === false ? undefined : readCheckpoint(checkpointPath, opts.furnisherId, stat.size, stat.mtimeMs);
  if (checkpoint === undefined) removeCheckpoint(checkpointPath);
  // Side files that cannot be written fail the import here, before a record is furnished.
  checkCheckpointWritable(checkpointPath);
  const rejected = openRejectedFile(rejectedPathFor(opts.input), checkpoint?.rejectedBytes ?? 0);
  const counts = { ...(checkpoint?.counts ?? { accepted: 0, duplicates: 0, rejected: 0, fulfilled: 0 }) };
  let columns: readonly string[] | undefined = checkpoint?.columns;
  let offset = checkpoint?.offset ?? 0;
  let nextLine = checkpoint?.nextLine ?? 1;
  let linesThisRun = 0;
  let interrupted = false;
  let batch: Pending[] = [];
  let batchBytes = 0;

  // Rejections wait for their group's answers, so the rejected file is in line order and never ahead of the checkpoint.
  let held: RejectedLine[] = [];
  const rejectedLine = (lineNo: number, code: ErrorCode, reason: string, raw: Buffer, extra: { furnisherRef?: string; bytes?: number } = {}): RejectedLine =>
    ({ line: lineNo, code, reason, ...extra, raw: displayLine(raw, RAW_KEEP), ...(extra.bytes === undefined ? {} : { truncated: true }) });
  const reject = (lineNo: number, code: ErrorCode, reason: string, raw: Buffer, extra: { furnisherRef?: string; bytes?: number } = {}): void => {
    held.push(rejectedLine(lineNo, code, reason, raw, extra));
  };

  // The group being answered: the next one is read (and sent) meanwhile; answers are recorded in group order.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (batch.length === 0 && held.length === 0) return inFlight;
    const group = { lines: batch, held, offset, nextLine, columns };
    batch = [];
    held = [];
    batchBytes = 0;
    const outcome = group.lines.length > 0 ? sendBatch(opts.target, opts.furnisherId, group.lines, opts.clock(), batchSize) : Promise.resolve(undefined);
    outcome.catch(() => undefined); // observed below, after the previous group
    const previous = inFlight;
    inFlight = (async () => {
      await previous;
      const o = await outcome;
      if (o) {
        counts.accepted += o.accepted;
        counts.duplicates += o.duplicates;
        counts.fulfilled += o.fulfilled;
        for (const r of o.rejected) {
          group.held.push(rejectedLine(r.entry.lineNo, r.code, r.reason, r.entry.raw, r.furnisherRef === null ? {} : { furnisherRef: r.furnisherRef }));
        }
        opts.onAcknowledged?.(o.acknowledged);
      }
      counts.rejected += group.held.length;
      for (const r of group.held.sort((a, b) => a.line - b.line)) rejected.write(r);
      const saved: Checkpoint = {
        format: 1,
        furnisher: opts.furnisherId,
        inputSize: stat.size,
        inputMtimeMs: stat.mtimeMs,
        offset: group.offset,
        nextLine: group.nextLine,
        ...(group.columns === undefined ? {} : { columns: group.columns }),
        rejectedBytes: rejected.size(),
        counts: { ...counts },
      };
      writeCheckpoint(checkpointPath, saved);
    })();
    inFlight.catch(() => undefined); // observed by whoever awaits it next
    return inFlight;
  };

  const toRecord = (line: RawLine, text: string): ParsedLine | 'header' => {
    if (opts.format === 'ndjson') return parseNdjsonLine(text);
    if (columns !== undefined) return csvRowToRecord(text, columns);
    const header = parseCsvHeader(text);
    if (!header.ok) throw new UserError(`${opts.input} line ${line.lineNo}: ${header.reason}`);
    columns = header.columns;
    return 'header';
  };

  let source: ReadStream | undefined;
  try {
    opts.onStart?.(stat.size, offset);
    source = createReadStream(opts.input, { start: offset, highWaterMark: 1 << 20 });
    const lines = splitLines(source, { maxLength: maxLine, keepOnOverflow: RAW_KEEP, quoteAware: opts.format === 'csv', startOffset: offset, startLine: nextLine });
    for await (const line of lines) {
      offset = line.end;
      nextLine = line.lineNo + 1;
      const handled = handleLine(line);
      if (handled) linesThisRun += 1;
      if ((line.lineNo & 511) === 0) opts.onProgress?.(offset, linesThisRun);
      if (batch.length >= groupSize || batchBytes >= maxBatchBytes || held.length >= batchSize) {
        // Send this group, then read the next while it is written: wait only for the group before it.
        const previous = inFlight;
        void flush();
        await previous;
        opts.onProgress?.(offset, linesThisRun);
        // Let signals, timers and the progress bar run, and the group just sent reach its commit.
        await new Promise((resume) => setImmediate(resume));
        if (opts.shouldStop?.() === true) {
          await inFlight;
          interrupted = true;
          break;
        }
      }
    }
    if (!interrupted) await flush();
    opts.onProgress?.(offset, linesThisRun);
  } finally {
    await inFlight.catch(() => undefined);
    source?.destroy();
    rejected.close();
    // However the import ends (a fatal error too), an empty rejected file is not left behind.
    if (rejected.size() === 0) removeQuietly(rejected.path);
  }
  if (!interrupted) removeCheckpoint(checkpointPath);
  const nothingRejected = rejected.size() === 0;
  return {
    ...counts,
    linesThisRun,
    resumedAtLine: checkpoint === undefined ? null : checkpoint.nextLine,
    interrupted,
    rejectedPath: nothingRejected ? null : rejected.path,
    totalBytes: stat.size,
    offset,
  };

  /** Queues a line's record, or rejects it; false for blank lines and the CSV header. */
  function handleLine(line: RawLine): boolean {
    const bytes = line.lineNo === 1 && line.bytes.subarray(0, 3).equals(BOM) ? line.bytes.subarray(3) : line.bytes;
    if (line.tooLong) {
      reject(line.lineNo, 'payload_too_large', `line too long: ${line.length} bytes, the limit is ${maxLine}`, bytes, { bytes: line.length });
      return true;
    }
    if (isBlank(bytes)) return false;
    const decoded = decodeLine(bytes);
    if (!decoded.ok) {
      reject(line.lineNo, decoded.code, decoded.reason, bytes);
      return true;
    }
    const parsed = toRecord(line, decoded.text);
    if (parsed === 'header') return false;
    if (!parsed.ok) {
      reject(line.lineNo, parsed.code, parsed.reason, bytes);
      return true;
    }
    const raw = bytes.length > RAW_KEEP ? Buffer.from(bytes.subarray(0, RAW_KEEP)) : bytes;
    batch.push({ ...parsed.content, lineNo: line.lineNo, raw });
    batchBytes += bytes.length;
    return true;
  }
}

function statInput(path: string): { size: number; mtimeMs: number } {
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new UserError(`${path} is not a file; give the path of an .ndjson, .jsonl or .csv file`);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read ${path}: ${e instanceof Error && 'code' in e ? String(e.code) : String(e)}; check the path`);
  }
}

/** Removes a file if it can; used in `finally`, where a second error would hide the first. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // left behind: empty, and truncated by the next run
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
