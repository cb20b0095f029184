import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('key-files');
const db = `sqlite:${join(dir, 'credence.db')}`;
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', db, ...args], { cwd: dir });
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('a malformed attestation key file', () => {
  const cases = [
    ['not JSON', file('garbled.keys', 'not json at all'), 'the attestation key file is not JSON'],
    ['another format', file('other.keys', JSON.stringify({ format: 'something-else/9', keys: [] })), 'the attestation key file must have format "credence-attestation-keys/1" and a keys array'],
  ] as const;

  for (const [what, path, problem] of cases) {
    for (const command of ['keys', 'rotate-key']) {
      it(`(${what}) is refused by attest ${command} in one line naming the file and the problem`, async () => {
        const r = await cli('attest', command, '--key-file', path);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toBe(`credence: ${path}: ${problem}\n`);
      });
    }
  }

  it('in CREDENCE_ATTEST_KEYS is refused by attest rotate-key, naming the variable', async () => {
    const r = await runCli(['--db', db, 'attest', 'rotate-key'], { cwd: dir, env: { CREDENCE_ATTEST_KEYS: '{' } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('credence: CREDENCE_ATTEST_KEYS: the attestation key file is not JSON\n');
  });

  it('that does not exist is not rotated (nothing to rotate), and nothing is created', async () => {
    const missing = join(dir, 'missing.keys');
    const r = await cli('attest', 'rotate-key', '--key-file', missing);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`credence: no attestation key file ${missing} to rotate; check --key-file\n`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('a key file at an explicitly given path that does not exist', () => {
  it('attest keys --key-file creates it, saying so once on stderr so that a mistyped path shows', async () => {
    const path = join(dir, 'typo.keys');
    const first = await cli('attest', 'keys', '--key-file', path);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe(`credence: created a new attestation signing key in ${path} (there was none)\n`);
    expect(JSON.parse(first.stdout)).toHaveProperty('keys');
    const again = await cli('attest', 'keys', '--key-file', path);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });

  it('log key --log-key creates it, saying so once on stderr', async () => {
    const path = join(dir, 'typo.key');
    const first = await cli('log', 'key', '--log-key', path);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe(`credence: created a new transparency log signing key in ${path} (there was none)\n`);
    const again = await cli('log', 'key', '--log-key', path);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });

  it('is created silently at the default path beside the database (first setup, no path was typed)', async () => {
    const own = tempDir('key-files-default');
    const r = await runCli(['--db', `sqlite:${join(own, 'credence.db')}`, 'log', 'key'], { cwd: own });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(own, 'credence.db.log-key'))).toBe(true);
  });
});
