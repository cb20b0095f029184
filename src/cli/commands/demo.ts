import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEMO_FURNISHERS } from '../../demo/demo-furnishers.js';
import { seedHash } from '../../demo/demo-seed.js';
import { MAX_BATCH } from '../../ledger/furnish-types.js';
import { writeDemoFiles, type DemoManifest } from '../demo/write-demo-files.js';
import { importWithProgress } from '../import/import-with-progress.js';
import { createProgress } from '../import/progress-reporter.js';
import { withRegistry } from '../open-registry.js';

interface DemoFlags {
  readonly subjects: number;
  readonly seed: string;
  readonly out: string;
  readonly asOf?: number;
  readonly import?: boolean;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('write a deterministic synthetic population as import files, one per demo furnisher, plus manifest.json')
    .requiredOption('--subjects <n>', 'number of subjects (persons, organizations, public bodies)', parseCount)
    .option('--seed <seed>', 'any text; the same seed and --as-of give the same bytes', '1')
    .option('--out <dir>', 'directory for the files', './demo')
    .option('--as-of <date>', 'the date the population describes, YYYY-MM-DD (default: today, UTC); records occur before it', parseDate)
    .option('--import', 'register the demo furnishers and import the files right away')
    .action(async (flags: DemoFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      if (flags.import !== true) {
        await writeFiles(flags);
        process.stdout.write(`to import them, run again with --import (or register each furnisher of ${join(flags.out, 'manifest.json')} with credence furnisher add, then credence import its file)\n`);
        return;
      }
      // The database is opened and written (the furnishers registered), so a bad --db is refused before minutes go into the files.
      await withRegistry(db, async (registry) => {
        for (const f of DEMO_FURNISHERS) await registry.registerFurnisher(f);
        const manifest = await writeFiles(flags);
        for (const f of manifest.furnishers) {
          if (f.lines === 0) continue;
          const summary = await importWithProgress(registry.target, {
            file: join(flags.out, f.file),
            format: 'ndjson',
            furnisherId: f.id,
            batch: MAX_BATCH,
            restart: false,
          });
          if (summary.interrupted) {
            process.exitCode = 130;
            return;
          }
        }
      });
    });
}

/** Writes the demo files with a progress bar, and says what was written. */
async function writeFiles(flags: DemoFlags): Promise<DemoManifest> {
  const started = performance.now();
  const asOf = flags.asOf ?? todayUtc();
  const progress = createProgress({ unit: 'subjects', totalBytes: flags.subjects, startBytes: 0, stream: process.stderr });
  const manifest = await writeDemoFiles(flags.out, flags.seed, { seed: seedHash(flags.seed), subjects: flags.subjects, asOf }, (done) =>
    progress.update(done, done),
  ).finally(() => progress.stop());
  const lines = manifest.furnishers.reduce((n, f) => n + f.lines, 0);
  process.stdout.write(
    `wrote ${flags.subjects.toLocaleString('en-US')} subjects, ${lines.toLocaleString('en-US')} lines in ${manifest.furnishers.length} files to ${flags.out} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)}s (seed ${JSON.stringify(flags.seed)}, as of ${manifest.asOf})\n`,
  );
  return manifest;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000_000) throw new InvalidArgumentError('give a whole number of subjects, at least 1.');
  return n;
}

/** A real calendar date (2026-02-30 is refused, not rolled over to March) that has begun: records occur before it, and the ledger refuses records from the future. */
export function parseDate(value: string, now = Date.now()): number {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(t)) throw new InvalidArgumentError('give a date as YYYY-MM-DD.');
  if (new Date(t).toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(`${value} is not a date in the calendar.`);
  if (t > now) throw new InvalidArgumentError(`${value} is in the future; the demo describes a day that has begun (default: today, UTC), since the ledger refuses records from the future.`);
  return t;
}

function todayUtc(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
