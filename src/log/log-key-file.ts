import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sqlitePath } from '../store/open-log-store.js';
import { formatSignerKey, parseSignerKey, type LogKey } from './signer-key.js';

export interface LogKeyOptions {
  /** CREDENCE_LOG_KEY: the signer key string itself (PostgreSQL deployments, secrets managers). */
  readonly env?: NodeJS.ProcessEnv;
  /** A key file to read, created (0600) when missing. Default for SQLite: `<database file>.log-key`. */
  readonly keyFile?: string;
  /** Name of a newly generated key (default: the log's origin). */
  readonly name: string;
  /** Told when a key file given as `keyFile` did not exist and was created (default: a line on stderr), so a mistyped path shows. */
  readonly notice?: (line: string) => void;
}

const isMissing = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';
const isTaken = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && e.code === 'EEXIST';

/** The default key file of a database: beside a SQLite file; PostgreSQL has none. */
export const defaultKeyFile = (dbUrl: string): string | undefined => (dbUrl.startsWith('sqlite:') ? `${sqlitePath(dbUrl)}.log-key` : undefined);

/**
 * The log's signing key: CREDENCE_LOG_KEY, else the key file, generated from node:crypto randomness
 * on first use and written owner-only. A key file that exists is never overwritten.
 */
export function loadLogKey(dbUrl: string, options: LogKeyOptions): LogKey {
  const fromEnv = options.env?.['CREDENCE_LOG_KEY']?.trim();
  if (fromEnv) return parseSignerKey(fromEnv);
  const file = options.keyFile ?? defaultKeyFile(dbUrl);
  if (file === undefined) {
    throw new Error('the transparency log on PostgreSQL needs its signing key: set CREDENCE_LOG_KEY or give a key file (--log-key FILE)');
  }
  try {
    return parseSignerKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!isMissing(error)) throw error instanceof RangeError ? new Error(`log key file ${file}: ${error.message}`) : error;
  }
  const text = `${formatSignerKey(options.name, randomBytes(32))}\n`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isTaken(error)) throw error;
    return parseSignerKey(readFileSync(file, 'utf8')); // another process created it first
  }
  if (options.keyFile !== undefined) {
    (options.notice ?? ((line: string) => process.stderr.write(`credence: ${line}\n`)))(`created a new transparency log signing key in ${file} (there was none)`);
  }
  return parseSignerKey(text);
}
