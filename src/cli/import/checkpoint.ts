import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { sideFileError } from './side-file-error.js';

/** `<input>.progress.json`: how far an import got, written only after `furnish` resolved for a batch. */
export interface Checkpoint {
  readonly format: 1;
  readonly furnisher: string;
  /** Identifies the input, so a changed file is imported from the start. */
  readonly inputSize: number;
  readonly inputMtimeMs: number;
  /** Byte offset just past the last line of the last acknowledged batch, and the next line's number. */
  readonly offset: number;
  readonly nextLine: number;
  /** CSV: the header columns, since a resumed read starts after the header. */
  readonly columns?: readonly string[];
  readonly rejectedBytes: number;
  readonly counts: { readonly accepted: number; readonly duplicates: number; readonly rejected: number; readonly fulfilled: number };
}

export const checkpointPathFor = (input: string): string => `${input}.progress.json`;

/** The checkpoint for this input and furnisher, or undefined when there is none or it belongs to another run. */
export function readCheckpoint(path: string, furnisher: string, inputSize: number, inputMtimeMs: number): Checkpoint | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const c = parsed as Partial<Checkpoint> | null;
  if (c === null || typeof c !== 'object' || c.format !== 1) return undefined;
  if (c.furnisher !== furnisher || c.inputSize !== inputSize || c.inputMtimeMs !== inputMtimeMs) return undefined;
  if (typeof c.offset !== 'number' || c.offset > inputSize || typeof c.nextLine !== 'number') return undefined;
  return c as Checkpoint;
}

/**
 * Replaces the checkpoint atomically (write then rename): a kill leaves the old one or the new one.
 * These functions throw a UserError saying what to do when the checkpoint's folder is not writable.
 */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  const tmp = `${path}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(checkpoint)}\n`);
    renameSync(tmp, path);
  } catch (e) {
    throw sideFileError(path, e);
  }
}

/** Checks, before anything is furnished, that a checkpoint can be written (and renamed) beside the input. */
export function checkCheckpointWritable(path: string): void {
  const tmp = `${path}.tmp`;
  try {
    writeFileSync(tmp, '');
    rmSync(tmp);
  } catch (e) {
    throw sideFileError(path, e);
  }
}

export function removeCheckpoint(path: string): void {
  try {
    rmSync(path, { force: true });
    rmSync(`${path}.tmp`, { force: true });
  } catch (e) {
    throw sideFileError(path, e);
  }
}
