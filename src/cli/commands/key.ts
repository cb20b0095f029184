import { Command } from 'commander';
import { clientId } from '../../core/brand.js';
import { withRegistry } from '../open-registry.js';
import { UserError } from '../user-error.js';

/**
 * `credence key issue CLIENT`: an API key issued on the host, held by that client alone. Over the API
 * an operator issues keys too, but it then holds them as well; an operator's approval of another's
 * rulebook draft needs a key of its own (docs/api.md, Operator).
 */
export function keyCommand(): Command {
  const cmd = new Command('key').description('issue API keys on the host');
  cmd
    .command('issue')
    .description('issue a new API key for a registered client (printed once; stored only as a hash)')
    .argument('<client>', 'the client id, e.g. operator-b')
    .action(async (id: string, _flags: unknown, sub: Command) => {
      const { db } = sub.optsWithGlobals<{ db: string }>();
      const [{ openServiceStore }, { issueKey }] = await Promise.all([import('../../store/open-service-store.js'), import('../../server/clients/issue-key.js')]);
      await withRegistry(db, async (registry) => {
        const client = await registry.store.read((tx) => tx.client(id));
        if (!client) throw new UserError(`no client ${id} is registered; see GET /v1/clients or credence furnisher list`);
        if (client.status !== 'active') throw new UserError(`client ${id} is revoked; a revoked client gets no new key`);
        const service = await openServiceStore(db);
        try {
          const key = await issueKey(service, clientId(id), Date.now());
          process.stdout.write(`new API key for ${id} (${client.role}), key id ${key.id}:\n  ${key.key}\nkeep it now: it is stored only as a hash and never shown again\n`);
        } finally {
          await service.close();
        }
      });
    });
  return cmd;
}
