import { Command, InvalidArgumentError } from 'commander';

interface ServeFlags {
  readonly port: number;
  readonly host: string;
  readonly log: string;
  readonly logKey?: string;
  readonly attestKeys?: string;
  readonly trustProxy?: boolean;
  readonly webhooksPrivate?: boolean;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('give a port number 0-65535 (0: any free port).');
  return n;
}

export const defaultPort = (env: NodeJS.ProcessEnv): string => env['CREDENCE_PORT'] ?? '8080';

/** `credence serve`: the HTTP API over the database, until SIGTERM or Ctrl-C. */
export function serveCommand(env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('serve')
    .description('serve the HTTP API (see /docs) on the database; on a database without an operator, creates one and prints its key once')
    .option('--port <n>', 'port to listen on (env CREDENCE_PORT)', parsePort, parsePort(defaultPort(env)))
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--log <level>', 'request log level: trace, debug, info, warn, error, silent', 'info')
    .option('--log-key <file>', 'the transparency log\'s signing key file (default: beside a SQLite database; env CREDENCE_LOG_KEY)')
    .option('--trust-proxy', 'behind a reverse proxy that terminates TLS: take the client address and protocol from its X-Forwarded-For/-Proto headers')
    .option('--webhooks-private', 'let webhooks reach plain http endpoints and private or loopback addresses (tests, closed networks); by default only https at public addresses')
    .option('--attest-keys <file>', 'the attestation signing keys\' file (default: beside a SQLite database; env CREDENCE_ATTEST_KEYS)')
    .action(async (flags: ServeFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const [{ startServer, closeOnSignals }, { bootstrapOperator }] = await Promise.all([
        import('../../server/main.js'),
        import('../../server/clients/bootstrap-operator.js'),
      ]);
      const server = await startServer({
        dbUrl: db, port: flags.port, host: flags.host, logLevel: flags.log,
        ...(flags.logKey !== undefined ? { logKeyFile: flags.logKey } : {}), ...(flags.attestKeys !== undefined ? { attestKeyFile: flags.attestKeys } : {}),
        ...(flags.trustProxy === true ? { trustProxy: true } : {}), ...(flags.webhooksPrivate === true ? { webhooksPublicOnly: false } : {}),
      });
      const deps = server.app.deps;
      const first = await bootstrapOperator(deps.ledger, deps.service, deps.clock());
      if (first) {
        process.stdout.write(`no operator was registered: created ${first.clientId} with API key\n  ${first.key.key}\nkeep it now: it is stored only as a hash and never shown again\n`);
      }
      process.stdout.write(`credence serving ${db} at ${server.url} (docs: ${server.url}/docs)\n`);
      closeOnSignals(server, (line) => process.stderr.write(`credence: ${line}\n`));
    });
}
