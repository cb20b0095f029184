import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLedger, readAcked } from './support/ledger-check.js';
import { writeLenderFile } from './support/lender-records.js';
import { finished, runCli, startCli, tempDir } from './support/run-cli.js';

const dir = tempDir('resume');
const db = `sqlite:${join(dir, 'credence.db')}`;
const input = join(dir, 'loans.ndjson');
const ackLog = join(dir, 'acked.txt');
let lines: ReturnType<typeof writeLenderFile>;

beforeAll(async () => {
  lines = writeLenderFile(input, 3000, 'resume');
  const r = await runCli(['--db', db, 'furnisher', 'add', 'demo-bank', '--kind', 'lender', '--name', 'Demo Bank'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
});

describe('an interrupted import', () => {
  it('stops cleanly on Ctrl-C after a whole batch, and the re-run resumes from the checkpoint to finish the job', async () => {
    const child = startCli(['--db', db, 'import', input, '--furnisher', 'demo-bank', '--batch', '20', '--ack-log', ackLog], { cwd: dir });
    const done = finished(child);
    while (readAcked(ackLog).length < 100) await sleep(20);
    child.kill('SIGINT');
    const first = await done;
    expect(first.code, first.stderr).toBe(130);
    expect(first.stdout).toMatch(/interrupted after a complete batch; run the same command again to finish/);
    expect(existsSync(`${input}.progress.json`)).toBe(true);
    expect(readAcked(ackLog).length).toBeLessThan(lines.refs.length);

    const second = await runCli(['--db', db, 'import', input, '--furnisher', 'demo-bank', '--batch', '20'], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/resumed at line \d/);
    // The counts cover the whole file; nothing after the checkpoint had been sent, so nothing is a duplicate.
    expect(second.stdout).toMatch(new RegExp(`^\\s*${lines.refs.length.toLocaleString('en-US')}\\s+accepted`, 'm'));
    expect(second.stdout).toMatch(/^\s*0\s+duplicates/m);
    expect(second.stdout).toMatch(new RegExp(`^\\s*${lines.fulfilments}\\s+fulfilled`, 'm'));
    expect(existsSync(`${input}.progress.json`)).toBe(false);
    expect(existsSync(`${input}.rejected.ndjson`)).toBe(false);

    const check = await checkLedger(db, 'demo-bank', readAcked(ackLog));
    expect(check.problems).toEqual([]);
    expect(check.records).toBe(lines.refs.length);
    expect(check.fulfilled).toBe(lines.fulfilments);
  });

  it('run again after it finished, reads the whole file and changes nothing', async () => {
    const before = statSync(join(dir, 'credence.db')).size;
    const again = await runCli(['--db', db, 'import', input, '--furnisher', 'demo-bank'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^\s*0\s+accepted/m);
    expect(again.stdout).toMatch(new RegExp(`^\\s*${(lines.refs.length + lines.fulfilments).toLocaleString('en-US')}\\s+duplicates`, 'm'));
    const check = await checkLedger(db, 'demo-bank', []);
    expect(check.records).toBe(lines.refs.length);
    expect(check.fulfilled).toBe(lines.fulfilments);
    expect(statSync(join(dir, 'credence.db')).size).toBeLessThanOrEqual(before * 1.1);
  });
});
