import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { formatKeyFile, parseKeyFile } from '../../attest/key-file.js';
import { jwksOf, PUBLISHED_AFTER_RETIREMENT_MS, ringKey, rotateRing, type KeyRing } from '../../attest/key-ring.js';
import { attestationKeySource, defaultAttestKeyFile, KeyFileError, rotateKeyFile } from '../../attest/key-source.js';
import { runVerifyAttestation } from '../attest/run-verify-attestation.js';
import { parseAt } from '../parse-at.js';
import { UserError } from '../user-error.js';

interface VerifyFlags { readonly server?: string; readonly keys?: string; readonly audience?: string; readonly at?: number; readonly json?: boolean }
interface KeyFileFlags { readonly keyFile?: string }

const env = process.env;
const KEY_FILE_HELP = 'the attestation key file (default: beside a SQLite database; env CREDENCE_ATTEST_KEYS holds the same content)';

/** `credence attest`: verify an attestation someone shared with you; manage the registry's attestation keys. */
export function attestCommand(): Command {
  const attest = new Command('attest').description('signed attestations of a subject\'s standing: verify one, or manage the signing keys');

  attest.command('verify')
    .description('verify an attestation (a file holding the token, or - for stdin): offline with the registry\'s keys, and revocation with --server')
    .argument('<file>', 'the attestation token, or the JSON the registry answered when it was issued')
    .option('--keys <file>', 'the registry\'s public keys: a saved copy of /.well-known/credence-keys.json (verifies offline)')
    .option('--server <url>', 'the registry, e.g. https://credence.example: its keys (unless --keys) and whether the subject revoked the attestation')
    .option('--audience <name>', 'who you are, when the attestation was addressed to you')
    .option('--at <time>', 'verify as of this date or date-time instead of now (ISO 8601)', parseAt)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: VerifyFlags) => {
      process.exitCode = await runVerifyAttestation({
        file, at: flags.at ?? Date.now(),
        ...(flags.server !== undefined ? { server: flags.server } : {}), ...(flags.keys !== undefined ? { keys: flags.keys } : {}),
        ...(flags.audience !== undefined ? { audience: flags.audience } : {}), ...(flags.json === true ? { json: true } : {}),
      }, process.stdout, process.stderr);
    });

  attest.command('keys')
    .description('print the public keys of the registry of --db as JSON (JWKS), to hand to verifiers for --keys')
    .option('--key-file <file>', KEY_FILE_HELP)
    .action((flags: KeyFileFlags, cmd: Command) => keyFileProblems(() => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const source = attestationKeySource(db, { env, ...(flags.keyFile !== undefined ? { keyFile: flags.keyFile } : {}) });
      process.stdout.write(`${JSON.stringify(jwksOf(source.ring(), Date.now()), null, 2)}\n`);
    }));

  attest.command('rotate-key')
    .description('start signing with a fresh key; the old one stays published until every attestation it signed has expired')
    .option('--key-file <file>', KEY_FILE_HELP)
    .action((flags: KeyFileFlags, cmd: Command) => keyFileProblems(() => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const now = Date.now();
      const file = flags.keyFile ?? (env['CREDENCE_ATTEST_KEYS']?.trim() ? undefined : defaultAttestKeyFile(db));
      if (file === undefined) {
        const fromEnv = env['CREDENCE_ATTEST_KEYS']?.trim();
        if (!fromEnv) throw new UserError('no attestation keys to rotate: give --key-file, or set CREDENCE_ATTEST_KEYS');
        // Keys held in the environment cannot be rewritten from here: print the rotated set to store in its place.
        process.stdout.write(formatKeyFile(rotateRing(envKeys(fromEnv), randomBytes(32), now)));
        process.stderr.write('credence: store this as the new CREDENCE_ATTEST_KEYS and restart the server\n');
        return;
      }
      if (!existsSync(file)) {
        throw new UserError(`no attestation key file ${file} to rotate; ${flags.keyFile === undefined ? 'it is created by `credence serve` or `credence attest keys`' : 'check --key-file'}`);
      }
      const ring = rotateKeyFile(file, now);
      process.stdout.write(`${file}: now signing with key ${ring.keys.at(-1)?.kid ?? '?'}\n`);
      for (const k of ring.keys.slice(0, -1)) {
        const until = new Date((k.retiredAt ?? now) + PUBLISHED_AFTER_RETIREMENT_MS).toISOString();
        process.stdout.write(`  retired ${k.kid}, published until ${until} (after every attestation it signed has expired)\n`);
      }
    }));

  attest.command('new-keys')
    .description('print a fresh attestation key set, to store as CREDENCE_ATTEST_KEYS (PostgreSQL deployments)')
    .action(() => {
      process.stdout.write(formatKeyFile({ keys: [ringKey(randomBytes(32), Date.now())] }));
    });
  return attest;
}

/** Runs `fn`, reporting a malformed, missing or unusable key file as the user's to fix (it names the file and the problem). */
function keyFileProblems(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    throw e instanceof KeyFileError ? new UserError(e.message) : e;
  }
}

/** The keys held in CREDENCE_ATTEST_KEYS; a malformed value is the user's to fix. */
function envKeys(text: string): KeyRing {
  try {
    return parseKeyFile(text);
  } catch (e) {
    throw e instanceof RangeError ? new UserError(`CREDENCE_ATTEST_KEYS: ${e.message}`) : e;
  }
}
