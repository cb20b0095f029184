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
}

const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && 'code' in e && e.code === code;
const described = (origin: string) => (e: unknown): never => {
  throw e instanceof RangeError ? new Error(`${origin}: ${e.message}`) : e;
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
      const st = statSync(file);
      const key = `${st.mtimeMs}:${st.size}:${st.ino}`;
      if (seen?.key !== key) {
        try {
          seen = { key, ring: parseKeyFile(readFileSync(file, 'utf8')) };
        } catch (e) {
          described(file)(e);
        }
      }
      return (seen as { ring: KeyRing }).ring;
    },
  };
}

/** Creates the key file with one fresh key unless it exists; a key file that exists is never overwritten. */
function ensureKeyFile(file: string, at: Instant): void {
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, formatKeyFile({ keys: [ringKey(randomBytes(32), at)] }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
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
  ensureKeyFile(file, (options.now ?? Date.now)());
  return fileSource(file);
}

/**
 * Rotates the key file: the signing key retires at `at` (staying published until its attestations
 * have expired) and a fresh key signs from now on. Written to a temp file (0600) and renamed into place.
 */
export function rotateKeyFile(file: string, at: Instant): KeyRing {
  let ring: KeyRing;
  try {
    ring = rotateRing(parseKeyFile(readFileSync(file, 'utf8')), randomBytes(32), at);
  } catch (e) {
    return described(file)(e);
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, formatKeyFile(ring), { mode: 0o600, flag: 'wx' });
  renameSync(temp, file);
  return ring;
}
