import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from '../../src/core/random.js';
import { checkLedger, readAcked } from './support/ledger-check.js';
import { writeLenderFile } from './support/lender-records.js';
import { finished, runCli, startCli, tempDir } from './support/run-cli.js';

const KILLS = 20;
const LINES = 20_000;
const dir = tempDir('crash');
let generation = 0;
let db = `sqlite:${join(dir, 'credence-0.db')}`;
const input = join(dir, 'loans.ndjson');
const ackLog = join(dir, 'acked.txt');
const rng = mulberry32(Number(process.env['CRASH_SEED'] ?? Date.now() % 2 ** 32));
let file: ReturnType<typeof writeLenderFile>;

const size = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

const registerBank = async (): Promise<void> => {
  const r = await runCli(['--db', db, 'furnisher', 'add', 'demo-bank', '--kind', 'lender', '--name', 'Demo Bank'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
};

beforeAll(async () => {
  file = writeLenderFile(input, LINES);
  await registerBank();
});

describe('the crash test', () => {
  it(`loses no acknowledged record and corrupts nothing when an import is killed with SIGKILL ${KILLS} times`, async () => {
    // An import fast enough to finish before its kill lands is checked, then the test goes on with
    // a fresh database, so that every one of the KILLS kills interrupts a running import.
    for (let kill = 1; kill <= KILLS;) {
      const batch = randomInt(rng, 20, 250);
      const child = startCli(['--db', db, 'import', input, '--furnisher', 'demo-bank', '--batch', String(batch), '--ack-log', ackLog], { cwd: dir });
      const done = finished(child);
      // Most kills land mid-import (after some batch was acknowledged, at a random moment of the next ones);
      // some land earlier, while the process is starting or opening the database.
      if (rng() < 0.2) await sleep(randomInt(rng, 50, 900));
      else {
        const before = size(ackLog);
        while (size(ackLog) === before && child.exitCode === null) await sleep(5);
        await sleep(randomInt(rng, 0, 120));
      }
      child.kill('SIGKILL');
      const result = await done;
      if (result.signal !== 'SIGKILL') {
        expect(result.code, `run ${kill} failed:\n${result.stdout}${result.stderr}`).toBe(0);
        const whole = await checkLedger(db, 'demo-bank', readAcked(ackLog));
        expect(whole.problems).toEqual([]);
        expect(whole.records).toBe(file.refs.length);
        generation += 1;
        db = `sqlite:${join(dir, `credence-${generation}.db`)}`;
        rmSync(ackLog, { force: true });
        rmSync(`${input}.progress.json`, { force: true });
        await registerBank();
        continue;
      }
      kill += 1;

      const acked = readAcked(ackLog);
      const check = await checkLedger(db, 'demo-bank', acked);
      expect(check.problems, `after kill ${kill - 1} (batch ${batch}, ${acked.length} acknowledged)`).toEqual([]);
      expect(check.records).toBeGreaterThanOrEqual(new Set(acked).size);
    }

    // The last run is left alone: it finishes the job, and everything is there exactly once.
    const last = await runCli(['--db', db, 'import', input, '--furnisher', 'demo-bank', '--ack-log', ackLog], { cwd: dir });
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toMatch(/^\s*0\s+rejected/m);
    const check = await checkLedger(db, 'demo-bank', readAcked(ackLog));
    expect(check.problems).toEqual([]);
    expect(check.records).toBe(file.refs.length);
    expect(check.fulfilled).toBe(file.fulfilments);
  }, 120_000);
});
