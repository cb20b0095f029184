import { once } from 'node:events';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startCli, tempDir } from '../../cli/support/run-cli.js';

export type Json = Record<string, unknown>;

/**
 * `credence serve` as an operator starts it, on a fresh SQLite file (or on `db`, started again), with
 * the first operator's key it prints (on the first start only).
 */
export interface ServerProcess {
  readonly db: string;
  readonly process: ChildProcess;
  readonly url: string;
  readonly operatorKey: string;
  /** One HTTP request as a client would send it: a bearer token (or none) and a JSON body. */
  call(token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  /** SIGTERM, and the exit code once it has exited (null if it was not running). */
  stop(): Promise<number | null>;
}

export async function startServerProcess(name: string, existing?: string, serveFlags: readonly string[] = []): Promise<ServerProcess> {
  const db = existing ?? `sqlite:${join(tempDir(name), 'credence.db')}`;
  const server = startCli(['--db', db, 'serve', '--port', '0', '--log', 'warn', ...serveFlags]);
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  while (!/serving .* at (http:\/\/\S+)/.test(output)) await once(server.stdout as NodeJS.ReadableStream, 'data');
  const url = /serving .* at (http:\/\/\S+)/.exec(output)?.[1] ?? '';
  return {
    db,
    process: server,
    url,
    operatorKey: /(crd_live_\S+)/.exec(output)?.[1] ?? '',
    call: async (token, method, path, body) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Json };
    },
    stop: async () => {
      if (server.exitCode !== null) return null;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
