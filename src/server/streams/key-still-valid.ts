import { clientId as asClientId } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Store } from '../../store/store.js';

/**
 * Whether an API key still admits its client: the key is not revoked and the client is active. Read from the
 * database, so it sees a revocation made by any process (a long-lived stream asks at each heartbeat).
 */
export async function keyStillValid(store: Store, service: ServiceStore, clientId: string, keyId: string): Promise<boolean> {
  const [keys, client] = await Promise.all([service.apiKeysOf(asClientId(clientId)), store.read((tx) => tx.client(clientId))]);
  const key = keys.find((k) => k.id === keyId);
  return key !== undefined && key.revokedAt === null && client?.status === 'active';
}
