import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Instant } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import { sqlitePath } from '../store/open-log-store.js';
import { formatKeyFile, parseKeyFile } from './key-file.js';
import { ringKey, rotateRing, type KeyRing } from './key-ring.js';

/** Where the attestation keys come from; `ring()` is read on every use, so a rotated key file takes effect at once. */
export interface KeySource {
  ring(): KeyRing;
  /** Describes the source for messages (a file path, or the environment variable). */
  readonly origin: string;
}

export interface KeySourceOptions {
  /** CREDENCE_ATTEST_KEYS: the key file's content itself (PostgreSQL deployments, secrets managers). */
  readonly env?: NodeJS.ProcessEnv;
  /** The key file, created (0600) with a first key when missing. Default for SQLite: `<database file>.attest-keys`. */
  readonly keyFile?: string;
  /** When a newly created key file's first key is dated. */
  readonly now?: () => Instant;
  /** Told when a key file given as `keyFile` did not exist and was created (default: a line on stderr), so a mistyped path shows. */
  readonly notice?: (line: string) => void;
}

/** A key file (or CREDENCE_ATTEST_KEYS) that is malformed, missing or unreadable; the message names it and the problem. */
export class KeyFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KeyFileError';
  }
}

const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && 'code' in e && e.code === code;
const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e));
/** A parse problem (RangeError) or a file system error, as a KeyFileError naming `origin`; anything else unchanged. */
const described = (origin: string) => (e: unknown): never => {
  if (e instanceof RangeError) throw new KeyFileError(`${origin}: ${e.message}`, { cause: e });
  if (isCode(e, 'ENOENT')) throw new KeyFileError(`${origin}: no such key file; check the path`, { cause: e });
  if (typeof e === 'object' && e !== null && 'syscall' in e) throw new KeyFileError(`cannot use the key file ${origin}: ${codeOf(e)}`, { cause: e });
  throw e;
};
const stderrNotice = (line: string): void => {
  process.stderr.write(`credence: ${line}\n`);
};

/** The default key file of a database: beside a SQLite file; PostgreSQL has none. */
export const defaultAttestKeyFile = (dbUrl: string): string | undefined =>
  (dbUrl.startsWith('sqlite:') ? `${sqlitePath(dbUrl)}.attest-keys` : undefined);

/** Reads the key file, re-parsing only when it changed (size or modification time). */
function fileSource(file: string): KeySource {
  let seen: { key: string; ring: KeyRing } | null = null;
  return {
    origin: file,
    ring: () => {
      try {
        const st = statSync(file);
        const key = `${st.mtimeMs}:${st.size}:${st.ino}`;
        if (seen?.key !== key) seen = { key, ring: parseKeyFile(readFileSync(file, 'utf8')) };
      } catch (e) {
        described(file)(e);
      }
      return (seen as { ring: KeyRing }).ring;
    },
  };
}

/** Creates the key file with one fresh key unless it exists (true when it created it); a key file that exists is never overwritten. */
function ensureKeyFile(file: string, at: Instant): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatKeyFile({ keys: [ringKey(randomBytes(32), at)] }), { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if (!isCode(error, 'EEXIST')) return described(file)(error);
    return false;
  }
}

/**
 * The registry's attestation keys: CREDENCE_ATTEST_KEYS, else the key file (generated on first use,
 * owner-only). Without either (PostgreSQL), every use fails with `unavailable`, saying what to set.
 */
export function attestationKeySource(dbUrl: string, options: KeySourceOptions = {}): KeySource {
  const fromEnv = options.env?.['CREDENCE_ATTEST_KEYS']?.trim();
  if (fromEnv) {
    let ring: KeyRing;
    try {
      ring = parseKeyFile(fromEnv);
    } catch (e) {
      described('CREDENCE_ATTEST_KEYS')(e);
    }
    return { origin: 'CREDENCE_ATTEST_KEYS', ring: () => ring };
  }
  const file = options.keyFile ?? defaultAttestKeyFile(dbUrl);
  if (file === undefined) {
    const message = 'attestations on PostgreSQL need signing keys: set CREDENCE_ATTEST_KEYS (see `credence attest new-keys`) or give a key file';
    return { origin: 'none', ring: () => { throw new CredenceError('unavailable', message); } };
  }
  const created = ensureKeyFile(file, (options.now ?? Date.now)());
  if (created && options.keyFile !== undefined) (options.notice ?? stderrNotice)(`created a new attestation signing key in ${file} (there was none)`);
  return fileSource(file);
}

/**
 * Rotates the key file: the signing key retires at `at` (staying published until its attestations
 * have expired) and a fresh key signs from now on. Written to a temp file (0600) and renamed into place.
 * A missing, malformed or unwritable file is a KeyFileError.
 */
export function rotateKeyFile(file: string, at: Instant): KeyRing {
  let ring: KeyRing;
  try {
    ring = rotateRing(parseKeyFile(readFileSync(file, 'utf8')), randomBytes(32), at);
  } catch (e) {
    return described(file)(e);
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, formatKeyFile(ring), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch (e) {
    return described(file)(e);
  }
  return ring;
}
