import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedHash } from '../src/demo/demo-seed.js';
import { startPostgres } from '../test/support/postgres.js';
import { figure, type Figure } from './harness.js';
import { demoRecordLines, roundsOf, type FurnisherLines } from './support/demo-record-lines.js';
import { ledgerIngester, postgresBaseline, postgresBytes, sqliteBaseline, sqliteBytes, type Ingester } from './support/ingest-runs.js';

/** `--name N` or `--name=N`. */
function arg(args: readonly string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]?.includes('=') === true ? args[i]?.slice(name.length + 3) : args[i + 1];
}

function count(args: readonly string[], name: string, fallback: number): number {
  const text = arg(args, name);
  const n = Number(text ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number, got ${String(text)}`);
  return n;
}

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');
const ASOF = Date.UTC(2026, 0, 1);
const meets = (_: number, ratio: number | null): boolean => (ratio ?? 0) >= 1 / 3;

/**
 * Both sides take the same records round by round, alternating which goes first, so that the load of a
 * shared machine falls on both alike; each side's time is the sum of its rounds.
 */
async function race(name: string, rounds: readonly (readonly FurnisherLines[])[], baseline: Ingester, ledger: Ingester): Promise<{ base: number; ledger: number; subjects: number }> {
  let base = 0;
  let mine = 0;
  let done = 0;
  for (const [k, round] of rounds.entries()) {
    const n = round.reduce((s, f) => s + f.lines.length, 0);
    let b: number;
    let l: number;
    if (k % 2 === 0) {
      b = await baseline.take(round);
      l = await ledger.take(round);
    } else {
      l = await ledger.take(round);
      b = await baseline.take(round);
    }
    base += b;
    mine += l;
    done += n;
    console.log(`  ${name} round ${k + 1}/${rounds.length}: ${rate(done)} records; ledger ${rate(n / l)}/s, baseline ${rate(n / b)}/s`);
  }
  await baseline.close();
  return { base, ledger: mine, subjects: (await ledger.close()) ?? 0 };
}

function figures(db: string, records: number, r: { base: number; ledger: number; subjects: number }, baselineName: string, bytes: number): Figure[] {
  console.log(`${db}: ${rate(records)} records about ${rate(r.subjects)} subjects in ${r.ledger.toFixed(1)} s (baseline ${r.base.toFixed(1)} s); `
    + `${(bytes / 1e6).toFixed(1)} MB, ${rate(bytes / records)} bytes per record`);
  return [
    figure({ name: `${db} ingest`, value: records / r.ledger, unit: 'records/s', baseline: records / r.base, baselineName, target: '>= 1/3 of baseline', meets }),
    figure({ name: `${db} size per subject`, value: bytes / r.subjects, unit: 'bytes', baseline: null, baselineName: null, target: '' }),
  ];
}

/**
 * Durable ingest of demo records (`--records N`, default 1,000,000) through the ledger on SQLite and on a
 * throwaway PostgreSQL, each beside plain inserts of the same rows measured in the same run
 * (`--only sqlite|postgres` runs one side; `--rounds N` alternates the two sides N times, default 5).
 */
export async function run(args: readonly string[]): Promise<Figure[]> {
  const records = count(args, 'records', 1_000_000);
  const only = arg(args, 'only');
  const generated = performance.now();
  const { files, subjects } = demoRecordLines(seedHash('1'), records, ASOF);
  const rounds = roundsOf(files, count(args, 'rounds', 5));
  console.log(`generated ${rate(records)} demo records of ${rate(subjects)} subjects (seed 1) in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'credence-ingest-'));
  const out: Figure[] = [];
  try {
    if (only === undefined || only === 'sqlite') {
      const path = join(dir, 'ledger.db');
      const r = await race('sqlite', rounds, sqliteBaseline(join(dir, 'baseline.db')), await ledgerIngester(`sqlite:${path}`, ASOF));
      out.push(...figures('sqlite', records, r, 'prepared INSERT, 10k-row tx', sqliteBytes(path)));
    }
    if (only === undefined || only === 'postgres') {
      const server = await startPostgres();
      try {
        const url = await server.createDatabase('ledger');
        const r = await race('postgres', rounds, await postgresBaseline(await server.createDatabase('baseline')), await ledgerIngester(url, ASOF));
        out.push(...figures('postgres', records, r, 'COPY FROM STDIN, 100k rows', await postgresBytes(url)));
      } finally {
        server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
