import { Command, InvalidArgumentError } from 'commander';
import { FURNISHER_KINDS, type FurnisherKind } from '../../core/taxonomy/index.js';
import { recordTypesFor } from '../../ledger/clients.js';
import { withRegistry } from '../open-registry.js';

interface AddFlags {
  readonly kind: FurnisherKind;
  readonly name: string;
  readonly types?: readonly string[];
}

export function furnisherCommand(): Command {
  const cmd = new Command('furnisher').description('register and list the furnishers that may import records');
  cmd
    .command('add')
    .description('register a furnisher (again with the same definition: no change)')
    .argument('<id>', 'furnisher id: a-z 0-9 _ . - (e.g. court-bj-chaoyang)')
    .requiredOption('--kind <kind>', `kind of body: ${FURNISHER_KINDS.join(', ')}`, parseKind)
    .requiredOption('--name <name>', 'the name of the body')
    .option('--types <codes>', 'comma-separated record types it may furnish (default: every type its kind may)', parseTypes)
    .action(async (id: string, flags: AddFlags, sub: Command) => {
      const { db } = sub.optsWithGlobals<{ db: string }>();
      const scope = flags.types ?? recordTypesFor(flags.kind);
      await withRegistry(db, async (registry) => {
        await registry.registerFurnisher({ id, kind: flags.kind, name: flags.name, scope });
        process.stdout.write(`furnisher ${id} (${flags.kind}) may furnish: ${scope.join(', ')}\n`);
      });
    });
  cmd
    .command('list')
    .description('list the registered furnishers and their scopes')
    .action(async (_flags: unknown, sub: Command) => {
      const { db } = sub.optsWithGlobals<{ db: string }>();
      await withRegistry(db, async (registry) => {
        const clients = await registry.store.read((tx) => tx.clients());
        for (const c of clients.filter((x) => x.role === 'furnisher')) {
          process.stdout.write(`${c.id}\t${c.furnisherKind ?? ''}\t${c.status}\t${c.name}\t${(c.scope.recordTypes ?? []).join(',')}\n`);
        }
      });
    });
  return cmd;
}

/** A furnisher that may furnish nothing is a slip (`--types ,`, an empty variable), never what was meant. */
export function parseTypes(value: string): string[] {
  const types = value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (types.length === 0) throw new InvalidArgumentError('give at least one record type code, e.g. court.civil.breach_of_contract (leave --types out for every type of the kind).');
  return types;
}

function parseKind(value: string): FurnisherKind {
  const kinds: readonly string[] = FURNISHER_KINDS;
  if (!kinds.includes(value)) throw new InvalidArgumentError(`give one of ${FURNISHER_KINDS.join(', ')}.`);
  return value as FurnisherKind;
}
