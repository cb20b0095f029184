import { extname } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { MAX_BATCH } from '../../ledger/furnish-types.js';
import { importWithProgress } from '../import/import-with-progress.js';
import type { ImportFormat } from '../import/run-import.js';
import { withRegistry } from '../open-registry.js';
import { UserError } from '../user-error.js';

interface ImportFlags {
  readonly furnisher: string;
  readonly batch: number;
  readonly format?: string;
  readonly restart?: boolean;
  readonly ackLog?: string;
}

export function importCommand(): Command {
  return new Command('import')
    .description('furnish the records of an NDJSON or CSV file (docs/import.md); safe to re-run after an interruption')
    .argument('<file>', 'records: .ndjson/.jsonl (one JSON object per line) or .csv (header row)')
    .requiredOption('--furnisher <id>', 'the registered furnisher the records come from')
    .option('--batch <n>', `records per batch, 1 to ${MAX_BATCH}`, parseBatch, MAX_BATCH)
    .option('--format <format>', 'ndjson or csv (default: from the file extension)')
    .option('--restart', 'ignore the saved checkpoint and read the file from the start')
    // Test hook for the crash test: furnisherRefs acknowledged by the ledger, appended and fsync'd per batch.
    .addOption(new Option('--ack-log <file>').hideHelp())
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const format = formatOf(file, flags.format);
      await withRegistry(db, async (registry) => {
        const summary = await importWithProgress(registry.target, {
          file,
          format,
          furnisherId: flags.furnisher,
          batch: flags.batch,
          restart: flags.restart === true,
          ...(flags.ackLog === undefined ? {} : { ackLog: flags.ackLog }),
        });
        if (summary.interrupted) process.exitCode = 130;
      });
    });
}

export function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH) throw new InvalidArgumentError(`give a whole number from 1 to ${MAX_BATCH}.`);
  return n;
}

export function formatOf(file: string, given: string | undefined): ImportFormat {
  const f = (given ?? extname(file).slice(1)).toLowerCase();
  if (f === 'ndjson' || f === 'jsonl') return 'ndjson';
  if (f === 'csv') return 'csv';
  throw new UserError(
    given === undefined
      ? `cannot tell the format of ${file} from its extension; name it .ndjson, .jsonl or .csv, or pass --format ndjson|csv`
      : `--format must be ndjson or csv, got ${given}`,
  );
}
