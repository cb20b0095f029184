import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS_APPLY, runCli, sharedTempDir } from './support/run-cli.js';

// Read-only folders are tested for real: as `nobody` when the tests run as root (root ignores permissions).
const dir = sharedTempDir('side-files');
const db = `sqlite:${join(dir, 'credence.db')}`;
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', db, ...args], { cwd: dir, unprivileged: true });

const record = (ref: string): string => JSON.stringify({
  furnisherRef: ref,
  subject: { scheme: 'cn-rid', identifier: '11010519491231002X' },
  type: 'court.civil.breach_of_contract',
  occurredAt: '2026-02-01',
  attributes: { caseNumber: '(2026)闽0102民初77号', court: '福州市鼓楼区人民法院', amount: 15000 },
  legalBasis: 'Civil Code of the PRC, Art. 577',
});

/** A folder holding `in.ndjson` (two good records), made read-only after `before` ran in it. */
function readOnlyFolder(name: string, before: (folder: string) => void = () => undefined): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'in.ndjson'), `${record(`${name}-1`)}\n${record(`${name}-2`)}\n`);
  before(folder);
  chmodSync(folder, 0o555);
  return folder;
}

const expectOneLine = (stderr: string): void => expect(stderr.trim().split('\n')).toHaveLength(1);

beforeAll(async () => {
  const r = await cli('furnisher', 'add', 'side-court', '--kind', 'court', '--name', 'Side Court');
  expect(r.code, r.stderr).toBe(0);
});

describe('credence import, when the files it keeps beside its input cannot be written', () => {
  it.skipIf(!PERMISSIONS_APPLY)('refuses an input in a read-only folder with one line naming the file and saying to copy the input elsewhere', async () => {
    const folder = readOnlyFolder('ro');
    const r = await cli('import', join(folder, 'in.ndjson'), '--furnisher', 'side-court');
    expect(r.code, r.stderr).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(new RegExp(`^credence: cannot write ${join(folder, 'in.ndjson')}\\.(progress\\.json|rejected\\.ndjson) \\(permission denied\\).*copy the input to a folder you can write to`));
    expect(r.stderr).not.toContain('this is a bug');
  });

  it('names the rejected-lines file when a directory sits at its path', async () => {
    const input = join(dir, 'blocked.ndjson');
    writeFileSync(input, `${record('blocked-1')}\n`);
    mkdirSync(`${input}.rejected.ndjson`);
    const r = await cli('import', input, '--furnisher', 'side-court');
    expect(r.code, r.stderr).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`credence: cannot write ${input}.rejected.ndjson (a directory is in the way)`);
  });

  it.skipIf(!PERMISSIONS_APPLY)('fails before furnishing anything when only the checkpoint cannot be written, so the copy imports every record as new', async () => {
    // An earlier run's rejected file that stays writable: the checkpoint, written after the first batch, is what fails.
    const folder = readOnlyFolder('ro-rejected', (f) => {
      writeFileSync(join(f, 'in.ndjson.rejected.ndjson'), '');
      chmodSync(join(f, 'in.ndjson.rejected.ndjson'), 0o666);
    });
    const r = await cli('import', join(folder, 'in.ndjson'), '--furnisher', 'side-court');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(folder, 'in.ndjson')}.progress.json (permission denied)`);
    const copy = join(dir, 'copied.ndjson');
    copyFileSync(join(folder, 'in.ndjson'), copy);
    const again = await cli('import', copy, '--furnisher', 'side-court');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^\s+2\s+accepted/m);
  });
});

describe('credence import, after a fatal error', () => {
  it('leaves no empty rejected file behind (a bad CSV header)', async () => {
    const input = join(dir, 'bad-header.csv');
    writeFileSync(input, 'furnisherRef,colour\nx,red\n');
    const r = await cli('import', input, '--furnisher', 'side-court');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('unknown column "colour"');
    expect(existsSync(`${input}.rejected.ndjson`)).toBe(false);
    expect(existsSync(`${input}.progress.json`)).toBe(false);
  });
});
