import { isCredenceError } from '../core/errors.js';
import { databaseProblem } from './database-problem.js';
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
  // Problems of the user's setup, not bugs: a port that is taken, a database file it may not write.
  const setup = listenProblem(e) ?? databaseProblem(e);
  if (setup !== undefined) {
    stderr.write(`credence: ${setup}\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  stderr.write(`credence: unexpected error: ${message}\n`);
  if (debug && e instanceof Error && e.stack !== undefined) stderr.write(`${e.stack}\n`);
  else stderr.write('credence: this is a bug; run again with CREDENCE_DEBUG=1 for details and report it\n');
  return 70;
}

const LISTEN_CAUSES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use (another Credence, or another program); stop it or choose another port',
  EACCES: 'this user may not listen on that port; choose one above 1023',
  EADDRNOTAVAIL: 'this machine has no such address; choose another host',
};

/** What to fix when the server cannot listen (a system error of the `listen` call), or undefined for any other error. */
function listenProblem(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { syscall, code, address, port } = e as NodeJS.ErrnoException & { address?: string; port?: number };
  const cause = code === undefined ? undefined : LISTEN_CAUSES[code];
  if (syscall !== 'listen' || cause === undefined) return undefined;
  return `cannot listen on ${address ?? 'the address'}:${port ?? '?'}: ${cause} with --port or --host (env CREDENCE_PORT).`;
}
