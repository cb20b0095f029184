import { isCredenceError } from '../core/errors.js';
import { UserError } from './user-error.js';

/** Prints an error as one line saying what to fix, and returns the exit code. Stacks only for bugs, on request. */
export function reportError(e: unknown, stderr: NodeJS.WritableStream, debug: boolean): number {
  if (e instanceof UserError) {
    stderr.write(`credence: ${e.message}\n`);
    return e.exitCode;
  }
  if (isCredenceError(e)) {
    stderr.write(`credence: ${e.message} (${e.code})\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  stderr.write(`credence: unexpected error: ${message}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
  else stderr.write('credence: this is a bug; run again with CREDENCE_DEBUG=1 for details and report it\n');
  return 70;
}
