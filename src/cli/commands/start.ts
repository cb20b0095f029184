import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { seedHash } from '../../demo/demo-seed.js';
import { MAX_BATCH } from '../../ledger/furnish-types.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { importWithProgress } from '../import/import-with-progress.js';
import { withRegistry } from '../open-registry.js';
import { defaultPort, parsePort } from './serve.js';

interface StartFlags {
  readonly port: number;
  readonly host: string;
  readonly subjects: number;
  readonly seed: string;
  readonly webhooksPrivate?: boolean;
}

/** Where the demo credentials live: beside the SQLite file, or in ./data for a server database. */
export function credentialsPathFor(dbUrl: string): string {
  const file = dbUrl.startsWith('sqlite:') ? resolve(dbUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')) : resolve('data', 'x');
  return join(dirname(file), 'demo-credentials.json');
}

/** Generates the demo population into a temp directory and imports it through the ledger, as `credence demo --import` does. */
async function importDemo(db: string, subjects: number, seed: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'credence-demo-'));
  try {
    const now = new Date();
    const asOf = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    process.stderr.write(`first start: generating a demo population of ${subjects.toLocaleString('en-US')} subjects\n`);
    const manifest = await writeDemoFiles(dir, seed, { seed: seedHash(seed), subjects, asOf });
    return await withRegistry(db, async (registry) => {
      for (const f of manifest.furnishers) await registry.registerFurnisher(f);
      for (const f of manifest.furnishers) {
        if (f.lines === 0) continue;
        const summary = await importWithProgress(registry.target, { file: join(dir, f.file), format: 'ndjson', furnisherId: f.id, batch: MAX_BATCH, restart: true });
        if (summary.interrupted) return false;
      }
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `credence start` (what `npm start` runs): serve on the default database, with a demo population and credentials for each role. */
export function startCommand(env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('start')
    .description('serve on the database, importing a demo population on first start, and print the URL and demo credentials for each role')
    .option('--port <n>', 'port to listen on (env CREDENCE_PORT)', parsePort, parsePort(defaultPort(env)))
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--subjects <n>', 'size of the demo population imported on first start', parseSubjects, 3000)
    .option('--seed <seed>', 'seed of the demo population', '1')
    .option('--webhooks-private', 'let webhooks reach plain http endpoints and private or loopback addresses (to try them on this machine)')
    .action(async (flags: StartFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const [{ startServer, closeOnSignals }, creds, { formatCredentials }] = await Promise.all([
        import('../../server/main.js'),
        import('../../server/demo/demo-credentials.js'),
        import('../../server/demo/format-credentials.js'),
      ]);
      const path = credentialsPathFor(db);
      let credentials = creds.readDemoCredentials(path);
      if (!credentials) {
        const empty = (await withRegistry(db, (r) => r.store.read((tx) => tx.countSubjects()))) === 0;
        if (empty && !(await importDemo(db, flags.subjects, flags.seed))) {
          process.exitCode = 130;
          return;
        }
      }
      const server = await startServer({
        dbUrl: db, port: flags.port, host: flags.host, logLevel: 'warn', ...(flags.webhooksPrivate === true ? { webhooksPublicOnly: false } : {}),
      });
      if (!credentials || !(await creds.credentialsStillValid(server.app.deps, credentials))) {
        credentials = await creds.createDemoCredentials(server.app.deps);
        creds.writeDemoCredentials(path, credentials);
      }
      process.stdout.write(formatCredentials(server.url, credentials, path));
      closeOnSignals(server, (line) => process.stderr.write(`credence: ${line}\n`));
    });
}

function parseSubjects(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('give a whole number of subjects, 1 to 10,000,000.');
  return n;
}
