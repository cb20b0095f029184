import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server owned by the test run: a temp data dir, a free port on 127.0.0.1. */
export interface TestPostgres {
  /** Connection URL of a fresh, empty database. */
  readonly url: string;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): void;
}

const TEST_USER = 'credence-test';

function findBinary(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  for (const dir of [...dirs, ...versioned, '/usr/local/pgsql/bin']) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** PostgreSQL refuses to run as root: as root we run it as an unprivileged system user, created if missing. */
function runAsUser(): { uid: number; gid: number; prefix: readonly string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (spawnSync('id', ['-u', TEST_USER]).status !== 0) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', TEST_USER], { stdio: 'pipe' });
  }
  const uid = Number(execFileSync('id', ['-u', TEST_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', TEST_USER]).toString().trim());
  return { uid, gid, prefix: ['runuser', '-u', TEST_USER, '--'] };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function spawnAs(prefix: readonly string[], command: string, args: readonly string[]): ReturnType<typeof spawnSync> {
  const [head, ...rest] = [...prefix, command, ...args];
  return spawnSync(head ?? command, rest, { encoding: 'utf8' });
}

function run(prefix: readonly string[], command: string, args: readonly string[]): void {
  const result = spawnAs(prefix, command, args);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)}): ${String(result.stderr || result.stdout)}`);
  }
}

/**
 * Starts a real PostgreSQL server for integration tests. Fails, never skips, when the binaries are
 * missing: CI installs them, and a silently skipped suite would prove nothing.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. '
      + 'Install PostgreSQL 15 (e.g. apt-get install postgresql-15) to run the PostgreSQL conformance suite.');
  }
  const user = runAsUser();
  const prefix = user?.prefix ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'credence-pg-'));
  const data = join(dir, 'data');
  let stopped = false;
  let started = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (started) spawnAs(prefix, pgCtl, ['stop', '-D', data, '-m', 'fast', '-w']);
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    run(prefix, initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50`;
    run(prefix, pgCtl, ['start', '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60']);
    started = true;
    const base = `postgres://postgres@127.0.0.1:${port}`;
    const createDatabase = async (name: string): Promise<string> => {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase('credence_test');
    return { url, createDatabase, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
