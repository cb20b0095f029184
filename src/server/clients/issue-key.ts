import type { ClientId, Instant } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import { API_KEY_PREFIX, newSecret, randomId } from '../auth/secrets.js';

export interface IssuedKey {
  readonly id: string;
  /** The key itself: shown once, never stored. */
  readonly key: string;
  readonly prefix: string;
}

/**
 * A new API key for a client; only its SHA-256 is stored. `controlledBy`: the client whose key
 * issues this one over the API (whoever holds that key holds this one too); none for a key issued on the host.
 */
export async function issueKey(service: ServiceStore, client: ClientId, at: Instant, controlledBy: ClientId | null = null): Promise<IssuedKey> {
  const secret = newSecret(API_KEY_PREFIX);
  const id = randomId('key_', 9);
  await service.putApiKey({ id, clientId: client, hash: secret.hash, prefix: secret.hint, createdAt: at, revokedAt: null, lastUsedAt: null, controlledBy });
  return { id, key: secret.secret, prefix: secret.hint };
}
