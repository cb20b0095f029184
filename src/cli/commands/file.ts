import { Command } from 'commander';
import { formatSubjectFile } from '../file/format-subject-file.js';
import { withRegistry } from '../open-registry.js';
import { parseAt } from '../parse-at.js';
import { resolveSubject } from '../resolve-subject.js';
import { UserError } from '../user-error.js';

interface FileFlags {
  readonly at?: number;
  readonly json?: boolean;
}

export function fileCommand(): Command {
  return new Command('file')
    .description("print one subject's standing: grade, points, lists, measures, and every record with the rule it matched and why it counts")
    .argument('<subject>', 'scheme:identifier (cn-rid:11010519491231002X) or just the identifier')
    .option('--at <time>', 'the standing at this date or date-time instead of now (ISO 8601)', parseAt)
    .option('--json', 'print the file as JSON (subject, records, standing)')
    .action(async (text: string, flags: FileFlags, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      const subject = resolveSubject(text);
      await withRegistry(db, async (registry) => {
        const file = await registry.ledger.file(subject.subjectId, flags.at ?? Date.now());
        if (file === undefined) throw new UserError(`${subject.subjectId} has no file: no record was ever furnished about this subject`);
        if (flags.json === true) {
          process.stdout.write(`${JSON.stringify({ subject: file.subject, records: file.records, standing: file.standing }, null, 2)}\n`);
          return;
        }
        const rulebook = await registry.rulebook();
        process.stdout.write(formatSubjectFile({ subject, standing: file.standing, records: file.records, rulebook: rulebook.rulebook }));
      });
    });
}
