#!/usr/bin/env -S node --max-semi-space-size=64
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { attestCommand } from './commands/attest.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { fileCommand } from './commands/file.js';
import { furnisherCommand } from './commands/furnisher.js';
import { importCommand } from './commands/import.js';
import { keyCommand } from './commands/key.js';
import { logCommand } from './commands/log.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { defaultDbUrl } from './db-url.js';
import { reportError } from './report-error.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The `credence` command: thin commands over the core and the ledger. */
export function buildProgram(env: NodeJS.ProcessEnv): Command {
  const program = new Command('credence')
    .description('Credence, a credit registry with published rules, explained points and a tamper-evident log.')
    .version(version)
    .option('--db <url>', 'database: sqlite:PATH or postgres://… (env CREDENCE_DB)', defaultDbUrl(env))
    // Usage errors look like every other error: one line starting with `credence:` (a suggestion
    // such as "Did you mean --batch?" joins it), then where to read more.
    .configureOutput({
      outputError: (text, write) => {
        const lines = text.replace(/^error: /, '').trim().split('\n').map((l) => l.replace(/^\((.*)\)$/, '$1').replace(/\.$/, ''));
        write(`credence: ${lines.join('; ')}; see --help\n`);
      },
    });
  program.addCommand(importCommand());
  program.addCommand(demoCommand());
  program.addCommand(fileCommand());
  program.addCommand(checkCommand());
  program.addCommand(furnisherCommand());
  program.addCommand(keyCommand());
  program.addCommand(serveCommand(env));
  program.addCommand(startCommand(env));
  program.addCommand(logCommand());
  program.addCommand(attestCommand());
  const inherit = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.copyInheritedSettings(cmd);
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

try {
  await buildProgram(process.env).parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e, process.stderr, process.env['CREDENCE_DEBUG'] === '1');
}
