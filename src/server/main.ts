import type { FastifyInstance } from 'fastify';
import { openAttestations } from '../attest/open-attestations.js';
import { openServiceStore } from '../store/open-service-store.js';
import { openStore } from '../store/open-store.js';
import { buildApp, type AppOptions } from './app.js';
import { attachAttestations } from './routes/attestations/index.js';
import { openLog } from '../log/open-log.js';
import type { LogService } from '../log/log-service.js';
import { attachLog } from './routes/log/index.js';

export interface ServeOptions {
  /** `sqlite:PATH` or `postgres://…`. */
  readonly dbUrl: string;
  readonly port: number;
  readonly host: string;
  /** pino level for the request log ('silent' to turn it off). */
  readonly logLevel?: string;
  readonly limits?: AppOptions['limits'];
  /** The transparency log's signing key file (default: beside a SQLite database; or CREDENCE_LOG_KEY). */
  readonly logKeyFile?: string;
  /** The attestation signing keys' file (default: beside a SQLite database; or CREDENCE_ATTEST_KEYS). */
  readonly attestKeyFile?: string;
  /** Behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers (see AppOptions.trustProxy). */
  readonly trustProxy?: boolean;
  /** False: webhooks may reach http endpoints and private addresses (see AppOptions.webhooksPublicOnly). */
  readonly webhooksPublicOnly?: boolean;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish, commits queued inquiries, closes the database. */
  close(): Promise<void>;
}

/** Opens the database, builds the app and listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.dbUrl);
  const service = await openServiceStore(options.dbUrl).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  let app: FastifyInstance | undefined;
  let log: LogService | undefined;
  try {
    // The transparency log follows the ledger: woken by every append, it signs a checkpoint at least
    // every second while events arrive. A registry never runs without it.
    const openedLog = await openLog(options.dbUrl, { env: process.env, ...(options.logKeyFile ? { keyFile: options.logKeyFile } : {}), onError: (e) => {
      if (app) app.log.error({ err: e }, 'transparency log');
      else process.stderr.write(`transparency log: ${e instanceof Error ? e.message : String(e)}\n`);
    } });
    log = openedLog;
    const built = await buildApp({
      // Silent means no logger at all: a silent pino still makes a child logger for every request.
      store, service, logger: options.logLevel === 'silent' ? false : { level: options.logLevel ?? 'info' }, onAppend: openedLog.onAppend,
      ...(options.limits ? { limits: options.limits } : {}), ...(options.trustProxy ? { trustProxy: true } : {}),
      ...(options.webhooksPublicOnly === false ? { webhooksPublicOnly: false } : {}),
    });
    app = built;
    attachLog(built, openedLog);
    attachAttestations(built, await openAttestations(options.dbUrl, { env: process.env, ...(options.attestKeyFile ? { keyFile: options.attestKeyFile } : {}) }));
    openedLog.start();
    await built.listen({ port: options.port, host: options.host });
  } catch (e) {
    await app?.close();
    await log?.close();
    await service.close();
    await store.close();
    throw e;
  }
  const running = app;
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | null = null;
  return {
    app: running,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () => (closing ??= (async () => {
      await running.close();
      await log?.close();
      await service.close();
      await store.close();
    })()),
  };
}

/**
 * SIGTERM or SIGINT closes the server gracefully (in-flight requests finish; nothing acknowledged is
 * lost); a second signal exits at once.
 */
export function closeOnSignals(server: RunningServer, log: (line: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: finishing in-flight requests, then stopping (again to stop at once)`);
    server.close().then(() => {
      log('stopped');
      process.exit(0);
    }, (e: unknown) => {
      log(`stopping failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
