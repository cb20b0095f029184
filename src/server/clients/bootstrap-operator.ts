import { clientId, type Instant } from '../../core/brand.js';
import type { Ledger } from '../../ledger/index.js';
import type { ServiceStore } from '../../store/service-store.js';
import { issueKey, type IssuedKey } from './issue-key.js';

/**
 * A registry needs one operator to onboard everyone else. When no active operator exists, registers
 * `operator` (or `operator-2`, … if taken) and returns its first key, to be shown once; otherwise null.
 */
export async function bootstrapOperator(ledger: Ledger, service: ServiceStore, at: Instant): Promise<{ readonly clientId: string; readonly key: IssuedKey } | null> {
  const clients = await ledger.store.read((tx) => tx.clients());
  if (clients.some((c) => c.role === 'operator' && c.status === 'active')) return null;
  const taken = new Set(clients.map((c) => c.id as string));
  let id = 'operator';
  for (let n = 2; taken.has(id); n++) id = `operator-${n}`;
  await ledger.registerClient({ id, role: 'operator', name: 'First operator', scope: {} }, at);
  return { clientId: id, key: await issueKey(service, clientId(id), at) };
}
