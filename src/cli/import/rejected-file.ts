import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { ErrorCode } from '../../core/errors.js';
import { sideFileError } from './side-file-error.js';

/** One line of `<input>.rejected.ndjson`. */
export interface RejectedLine {
  readonly line: number;
  readonly code: ErrorCode;
  readonly reason: string;
  readonly furnisherRef?: string;
  /** The input line as text, cut to at most 2 KB. */
  readonly raw: string;
  /** Set when `raw` is only the start of the line. */
  readonly truncated?: boolean;
  readonly bytes?: number;
}

export interface RejectedFile {
  readonly path: string;
  /** Bytes written so far; a checkpoint stores it so a resumed import can cut back to it. */
  size(): number;
  write(entry: RejectedLine): void;
  close(): void;
}

export const rejectedPathFor = (input: string): string => `${input}.rejected.ndjson`;

/**
 * Opens the rejected file, truncated to `keep` bytes: 0 for a fresh import, the checkpointed size when
 * resuming (lines rejected after the checkpoint will be rejected again). Synchronous writes, so the file
 * is complete before the checkpoint that counts it is written. A file that cannot be written is a
 * UserError saying what to do.
 */
export function openRejectedFile(path: string, keep: number): RejectedFile {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT);
    size = Math.min(keep, fstatSync(fd).size);
    ftruncateSync(fd, size);
  } catch (e) {
    throw sideFileError(path, e);
  }
  return {
    path,
    size: () => size,
    write(entry) {
      const buf = Buffer.from(`${JSON.stringify(entry)}\n`);
      let done = 0;
      try {
        while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, size + done);
      } catch (e) {
        throw sideFileError(path, e);
      }
      size += buf.length;
    },
    close: () => closeSync(fd),
  };
}
