import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('demo-guards');
const demo = (...args: string[]): ReturnType<typeof runCli> =>
  runCli(['--db', `sqlite:${join(dir, 'credence.db')}`, 'demo', '--subjects', '200', '--as-of', '2026-06-30', ...args], { cwd: dir });

describe('credence demo --out', () => {
  it('refuses a path that is a file, leaving it as it was', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'mine');
    const r = await demo('--out', file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`credence: ${file} is a file; give --out a folder (new or empty) for the demo files\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('refuses a folder holding other things than an earlier demo, overwriting nothing', async () => {
    const out = join(dir, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'demo-court.ndjson'), 'mine too');
    const r = await demo('--out', out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/is not empty and holds no earlier demo \(no manifest\.json\); give --out a new or empty folder/);
    expect(readFileSync(join(out, 'demo-court.ndjson'), 'utf8')).toBe('mine too');
  });

  it('writes again over an earlier demo (its manifest.json), and over the files an interrupted one left', async () => {
    const out = join(dir, 'again');
    expect((await demo('--out', out)).code).toBe(0);
    const first = readFileSync(join(out, 'manifest.json'), 'utf8');
    const again = await demo('--out', out, '--seed', 'other');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toBe(first);

    const interrupted = join(dir, 'interrupted');
    mkdirSync(interrupted);
    writeFileSync(join(interrupted, 'demo-court.ndjson'), '{"half":');
    const resumed = await demo('--out', interrupted);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(join(interrupted, 'manifest.json'))).toBe(true);
  });
});

describe('credence demo --as-of', () => {
  it('refuses a date that is not in the calendar instead of rolling it over', async () => {
    const r = await demo('--out', join(dir, 'feb'), '--as-of', '2026-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^credence: .*--as-of.*2026-02-30 is not a date in the calendar/);
    expect(existsSync(join(dir, 'feb'))).toBe(false);
  });

  it('refuses a date in the future, whose records the ledger would all refuse', async () => {
    const next = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const r = await demo('--out', join(dir, 'future'), '--as-of', next);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^credence: .*--as-of.*${next} is in the future`));
    expect(existsSync(join(dir, 'future'))).toBe(false);
  });
});

describe('credence demo --import', () => {
  it('refuses a database it cannot open before writing any file', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const out = join(dir, 'never');
    const r = await runCli(['--db', `sqlite:${join(blocker, 'credence.db')}`, 'demo', '--subjects', '200', '--out', out, '--import'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^credence: cannot open the database sqlite:.*not-a-folder\/credence\.db/);
    expect(existsSync(out)).toBe(false);
  });
});
