import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The CLI suites run the real `credence` command from source: `node --import tsx src/cli/main.ts`,
 * as a separate process, so argument parsing, exit codes, stdout/stderr and signals are the user's.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
// The loader by absolute URL, so the CLI can run in any working directory; in-process, so a signal reaches the CLI itself.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Run as a user that file permissions apply to: when the tests run as root (which ignores them),
   * the CLI runs as `nobody` (uid/gid 65534); otherwise as the current user. Its folders must be open to it.
   */
  readonly unprivileged?: boolean;
}

/** The user the CLI of `unprivileged: true` runs as when the tests run as root, if that user can run it from this checkout. */
const NOBODY = ((): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  const user = { uid: 65534, gid: 65534 };
  // A checkout under a folder closed to other users (e.g. /root) cannot be run by nobody.
  const probe = spawnSync(process.execPath, ['--import', TSX, '-e', `require('node:fs').accessSync(${JSON.stringify(MAIN)})`], { cwd: tmpdir(), ...user });
  return probe.status === 0 ? user : undefined;
})();

/**
 * Whether file permissions apply to the CLI of `unprivileged: true`: as another user than root, or
 * as root's stand-in `nobody`. When they do not (root, with a checkout nobody can read), the tests
 * that need a read-only file for real are skipped.
 */
export const PERMISSIONS_APPLY = process.getuid?.() !== 0 || NOBODY !== undefined;

export function startCli(args: readonly string[], opts: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, CREDENCE_DB: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.unprivileged === true ? NOBODY : {}),
  });
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export const runCli = (args: readonly string[], opts: CliOptions = {}): Promise<CliResult> =>
  finished(startCli(args, opts));

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `credence-${prefix}-`));

/** A temp folder the `unprivileged` CLI may use as its own. */
export function sharedTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o777);
  return dir;
}
