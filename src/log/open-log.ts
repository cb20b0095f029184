import type { Instant } from '../core/brand.js';
import { openLogStore } from '../store/open-log-store.js';
import { loadLogKey } from './log-key-file.js';
import { createLogService, type LogService } from './log-service.js';
import { nodeCryptoHasher } from './node-hasher.js';

/** The origin line of checkpoints when none is configured (env CREDENCE_LOG_ORIGIN). */
export const DEFAULT_LOG_ORIGIN = 'credence.local/log';

export interface OpenLogOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** The signing key file (default: beside a SQLite database; PostgreSQL needs this or CREDENCE_LOG_KEY). */
  readonly keyFile?: string;
  readonly origin?: string;
  readonly clock?: () => Instant;
  readonly pollMs?: number;
  readonly checkpointEveryMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Opens the transparency log of the registry at `dbUrl` (whose ledger tables must exist: open the
 * ledger store first). The log does not follow the ledger until `start()`.
 */
export async function openLog(dbUrl: string, options: OpenLogOptions = {}): Promise<LogService> {
  const origin = options.origin ?? options.env?.['CREDENCE_LOG_ORIGIN'] ?? DEFAULT_LOG_ORIGIN;
  const key = loadLogKey(dbUrl, { ...(options.env ? { env: options.env } : {}), ...(options.keyFile ? { keyFile: options.keyFile } : {}), name: origin });
  const store = await openLogStore(dbUrl);
  return createLogService({
    store, hasher: nodeCryptoHasher, key, origin, clock: options.clock ?? (() => Date.now()),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    ...(options.checkpointEveryMs === undefined ? {} : { checkpointEveryMs: options.checkpointEveryMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
