import type { ClientId, Instant } from '../../core/brand.js';
import type { ServiceStore } from '../../store/service-store.js';
import { API_KEY_PREFIX, newSecret, randomId } from '../auth/secrets.js';

export interface IssuedKey {
  readonly id: string;
  /** The key itself: shown once, never stored. */
  readonly key: string;
  readonly prefix: string;
}

/** A new API key for a client; only its SHA-256 is stored. */
export async function issueKey(service: ServiceStore, client: ClientId, at: Instant): Promise<IssuedKey> {
  const secret = newSecret(API_KEY_PREFIX);
  const id = randomId('key_', 9);
  await service.putApiKey({ id, clientId: client, hash: secret.hash, prefix: secret.hint, createdAt: at, revokedAt: null, lastUsedAt: null });
  return { id, key: secret.secret, prefix: secret.hint };
}
