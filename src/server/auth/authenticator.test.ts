import { describe, expect, it } from 'vitest';
import { clientId } from '../../core/brand.js';
import type { ClientRow } from '../../store/rows.js';
import type { ApiKeyRow, ServiceStore } from '../../store/service-store.js';
import type { ReadTx, Store } from '../../store/store.js';
import { authenticator, cookieValue } from './authenticator.js';
import { newSecret } from './secrets.js';

const CLIENT: ClientRow = {
  id: clientId('airline'), role: 'relying_party', name: 'Airline', furnisherKind: null, scope: {}, status: 'active', registeredAt: 0, revokedAt: null,
};

/** One client with one key, whose key lookups can be held open until `release` is called. */
function fixture() {
  const key = newSecret('crd_live_');
  // Asserted rather than annotated: the authenticator reads only these fields, and the row may gain others.
  let row = { id: 'key_1', clientId: CLIENT.id, hash: key.hash, prefix: key.hint, createdAt: 0, revokedAt: null, lastUsedAt: null } as ApiKeyRow;
  let held: { readonly snapshot: ApiKeyRow; readonly resolve: (r: ApiKeyRow) => void } | undefined;
  let hold = false;
  const service = {
    apiKeyByHash: (hash: string) => {
      const snapshot = row;
      if (hash !== snapshot.hash) return Promise.resolve(undefined);
      if (!hold) return Promise.resolve(snapshot);
      return new Promise<ApiKeyRow>((resolve) => { held = { snapshot, resolve }; });
    },
  } as unknown as ServiceStore;
  const tx = { client: () => Promise.resolve(CLIENT) } as unknown as ReadTx;
  const store = { read: <T>(fn: (t: ReadTx) => Promise<T>) => fn(tx) } as unknown as Store;
  const auth = authenticator(store, service, () => 1_000);
  return {
    auth, bearer: `Bearer ${key.secret}`,
    holdLookups: () => { hold = true; },
    revoke: () => { row = { ...row, revokedAt: 500 }; auth.forgetClient(CLIENT.id); },
    /** Answers the held lookup with the row as it was read, before any revocation that ran meanwhile. */
    release: () => { hold = false; held?.resolve(held.snapshot); },
  };
}

describe('authenticator', () => {
  it('does not cache a key whose lookup overlapped its revocation: the next request is refused', async () => {
    const f = fixture();
    f.holdLookups();
    const first = f.auth.authenticate(f.bearer, undefined);
    await Promise.resolve();
    f.revoke();
    f.release();
    // The request that raced the revocation may pass; none after it may.
    expect(await first).toMatchObject({ kind: 'client', keyId: 'key_1' });
    expect(f.auth.cached(f.bearer)).toBeUndefined();
    await expect(f.auth.authenticate(f.bearer, undefined)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('caches a key looked up before or after a revocation of its client, and forgetting drops it', async () => {
    const f = fixture();
    f.auth.forgetClient(CLIENT.id);
    await f.auth.authenticate(f.bearer, undefined);
    expect(f.auth.cached(f.bearer)).toMatchObject({ kind: 'client', keyId: 'key_1' });
    f.revoke();
    expect(f.auth.cached(f.bearer)).toBeUndefined();
  });

  it('treats a cookie that is not valid percent-encoding as a bad session, not as a crash', () => {
    expect(() => cookieValue('a=1; credence_session=%E0%A4%A', 'credence_session')).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(cookieValue('credence_session=crd_sess_a%2Bb', 'credence_session')).toBe('crd_sess_a+b');
    expect(cookieValue('other=%E0%A4%A', 'credence_session')).toBeUndefined();
  });
});
