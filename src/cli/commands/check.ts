import { Command } from 'commander';
import { decide } from '../../core/decision/decide.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import { formatDecision } from '../file/format-decision.js';
import { withRegistry } from '../open-registry.js';
import { parseAt } from '../parse-at.js';
import { collectPair, parseContext } from '../parse-context.js';
import { resolveSubject } from '../resolve-subject.js';

interface CheckFlags {
  readonly context: readonly string[];
  readonly at?: number;
  readonly json?: boolean;
}

export function checkCommand(): Command {
  return new Command('check')
    .description('decide whether a subject may do an action under the rulebook in force, and why')
    .argument('<subject>', 'scheme:identifier or just the identifier')
    .argument('<action>', 'an action of the rulebook, e.g. aviation.ticket.purchase or rail.ticket.purchase')
    .option('--context <key=value>', 'a context field of the action (repeatable), e.g. --context trainType=G', collectPair, [])
    .option('--at <time>', 'decide at this date or date-time instead of now (ISO 8601)', parseAt)
    .option('--json', 'print the decision as JSON')
    .action(async (text: string, action: string, flags: CheckFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const subject = resolveSubject(text);
      await withRegistry(db, async (registry) => {
        const rb = await registry.rulebook();
        const context = parseContext(flags.context, rb.rulebook.actions.find((a) => a.id === action));
        const at = flags.at ?? Date.now();
        // A subject without a file has no records: it is decided like any clean subject.
        const standing = (await registry.ledger.file(subject.subjectId, at))?.standing ?? computeStanding({ id: subject.subjectId, kind: subject.kind }, [], rb, at);
        const decision = decide(standing, rb, action, context);
        process.stdout.write(flags.json === true ? `${JSON.stringify(decision, null, 2)}\n` : formatDecision(subject.subjectId, decision, context, rb.rulebook));
        if (decision.outcome === 'deny') process.exitCode = 3;
      });
    });
}
