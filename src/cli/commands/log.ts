import { Command } from 'commander';
import type { LogService } from '../../log/log-service.js';
import { UserError } from '../user-error.js';

interface VerifyFlags { readonly server: string; readonly key?: string; readonly trust?: string; readonly state: string; readonly json?: boolean }
interface LogKeyFlags { readonly logKey?: string }

const env = process.env;

/** `credence log`: the transparency log, from the operator's side (append, key) and the outside (verify, proofs). */
export function logCommand(): Command {
  const log = new Command('log').description('the transparency log: audit a registry, check your own records, or catch the log up');

  log.command('verify')
    .description('audit a registry: signed checkpoint, consistency with the last one seen, every event, tile, record and standing')
    .requiredOption('--server <url>', 'the registry, e.g. https://credence.example')
    .option('--key <apiKey>', 'an auditor API key (env CREDENCE_AUDITOR_KEY)')
    .option('--trust <vkey>', 'the log key to trust (default: the one remembered in the state file, else the published one on first use)')
    .option('--state <file>', 'where the last verified checkpoint is kept', 'credence-audit-state.json')
    .option('--json', 'print the whole report as JSON')
    .action(async (flags: VerifyFlags) => {
      const key = flags.key ?? env['CREDENCE_AUDITOR_KEY'];
      if (!key) throw new UserError('give an auditor API key with --key or CREDENCE_AUDITOR_KEY');
      const [{ httpAuditClient, AuditFetchError }, { runVerify }] = await Promise.all([import('../log/audit-http.js'), import('../log/run-verify.js')]);
      const { code } = await runVerify({
        server: flags.server, http: httpAuditClient(flags.server, key), stateFile: flags.state,
        ...(flags.trust !== undefined ? { trust: flags.trust } : {}), ...(flags.json === true ? { json: true } : {}),
      }, process.stdout).catch((e: unknown) => {
        throw e instanceof AuditFetchError ? new UserError(`cannot audit ${flags.server}: ${e.message}`) : e;
      });
      process.exitCode = code;
    });

  log.command('proofs')
    .description('as a subject: check that every event about your records is in the signed log')
    .requiredOption('--server <url>', 'the registry')
    .option('--session <token>', 'your session token (env CREDENCE_SESSION)')
    .option('--trust <vkey>', 'the log key to trust (default: the published one)')
    .action(async (flags: { readonly server: string; readonly session?: string; readonly trust?: string }) => {
      const token = flags.session ?? env['CREDENCE_SESSION'];
      if (!token) throw new UserError('give your session token with --session or CREDENCE_SESSION');
      const [{ httpAuditClient, AuditFetchError }, { runProofs }] = await Promise.all([import('../log/audit-http.js'), import('../log/run-proofs.js')]);
      process.exitCode = await runProofs(httpAuditClient(flags.server, token), flags.trust, process.stdout).catch((e: unknown) => {
        throw e instanceof AuditFetchError ? new UserError(`cannot check your proofs: ${e.message}`) : e;
      });
    });

  log.command('append')
    .description('catch the log of --db up with the ledger and sign a checkpoint (the server does this by itself)')
    .option('--log-key <file>', 'the signing key file (default: beside a SQLite database; env CREDENCE_LOG_KEY)')
    .action(async (flags: LogKeyFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const row = await withLog(db, flags, (l) => l.checkpoint());
      process.stdout.write(`log of ${db}: ${row.size} events, checkpoint signed\n${row.note}`);
    });

  log.command('key')
    .description('print the verifier key of the log of --db (what auditors pass to --trust)')
    .option('--log-key <file>', 'the signing key file (default: beside a SQLite database; env CREDENCE_LOG_KEY)')
    .action(async (flags: LogKeyFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      process.stdout.write(`${await withLog(db, flags, (l) => Promise.resolve(l.key.vkey))}\n`);
    });
  return log;
}

async function withLog<T>(db: string, flags: LogKeyFlags, fn: (log: LogService) => Promise<T>): Promise<T> {
  const [{ withRegistry }, { openLog }] = await Promise.all([import('../open-registry.js'), import('../../log/open-log.js')]);
  // The ledger's tables exist once the registry is open; the log reads them.
  return withRegistry(db, async () => {
    const log = await openLog(db, { env, ...(flags.logKey !== undefined ? { keyFile: flags.logKey } : {}) }).catch((e: unknown) => {
      throw new UserError(`cannot open the transparency log: ${e instanceof Error ? e.message : String(e)}`);
    });
    try {
      return await fn(log);
    } finally {
      await log.close();
    }
  });
}
