import type { Instant } from '../../core/brand.js';
import { CredenceError } from '../../core/errors.js';
import type { ServiceStore } from '../../store/service-store.js';
import type { Store } from '../../store/store.js';
import type { Principal } from './principal.js';
import { API_KEY_PREFIX, sameDigest, SESSION_PREFIX, sha256Hex } from './secrets.js';

export const SESSION_COOKIE = 'credence_session';
const CACHE_MS = 10_000;

export interface Authenticator {
  /** The principal behind the request's credentials, null when it sent none; throws `unauthorized` for bad ones. */
  authenticate(authorization: string | undefined, cookie: string | undefined): Promise<Principal | null>;
  /** The principal of a bearer API key used in the last seconds, without awaiting anything; undefined when it must be looked up. */
  cached(authorization: string | undefined): Principal | undefined;
  /** Drops cached keys of a client (after a revocation), so the next request is checked afresh. */
  forgetClient(clientId: string): void;
  /** Writes the latest use of each key noted since the last flush. */
  flushUsage(): Promise<void>;
}

/** The value of one cookie in a Cookie header; throws `unauthorized` when it is not valid percent-encoding (anyone can send one). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        throw new CredenceError('unauthorized', `the ${name} cookie is malformed; log in again`);
      }
    }
  }
  return undefined;
}

/**
 * API keys are looked up by their SHA-256; a key that matched is kept in memory for a few seconds (a revocation in this process
 * clears the cache at once); each use is noted in memory and written in batches.
 */
export function authenticator(store: Store, service: ServiceStore, clock: () => Instant): Authenticator {
  const cache = new Map<string, { readonly principal: Principal; readonly until: number }>();
  let usage = new Map<string, Instant>();
  // Each forgetClient takes the next epoch and marks the client with it: a lookup that began at an earlier epoch than its client's
  // mark overlapped a revocation and may have read the key before it, so it must not put the key back in the cache.
  let epoch = 0;
  const forgottenAt = new Map<string, number>();

  async function byKey(key: string): Promise<Principal> {
    const now = clock();
    const hit = cache.get(key);
    if (hit && hit.until > now) {
      if (hit.principal.kind === 'client') usage.set(hit.principal.keyId, now);
      return hit.principal;
    }
    const began = epoch;
    const hash = sha256Hex(key);
    const row = await service.apiKeyByHash(hash);
    if (!row || !sameDigest(row.hash, hash)) throw new CredenceError('unauthorized', 'the API key is not known');
    if (row.revokedAt !== null) throw new CredenceError('unauthorized', `API key ${row.prefix}… was revoked`);
    const client = await store.read((tx) => tx.client(row.clientId));
    if (!client || client.status !== 'active') throw new CredenceError('unauthorized', `client ${row.clientId} is revoked or unknown`);
    const principal: Principal = { kind: 'client', role: client.role, client, keyId: row.id };
    if ((forgottenAt.get(client.id) ?? -1) <= began) {
      if (cache.size > 100_000) cache.clear();
      cache.set(key, { principal, until: now + CACHE_MS });
    }
    usage.set(row.id, now);
    return principal;
  }

  async function bySession(token: string): Promise<Principal> {
    const hash = sha256Hex(token);
    const session = await service.session(hash);
    if (!session || !sameDigest(session.tokenHash, hash)) throw new CredenceError('unauthorized', 'the session is not known; log in again');
    if (session.expiresAt <= clock()) throw new CredenceError('unauthorized', 'the session expired; log in again');
    return { kind: 'subject', role: 'subject', subjectId: session.subjectId, sessionHash: hash };
  }

  return {
    cached: (authorization) => {
      // The exact form a client sends ("Bearer <key>"); anything else takes the full path.
      if (authorization === undefined || !authorization.startsWith('Bearer ')) return undefined;
      const hit = cache.get(authorization.slice(7));
      const now = clock();
      if (!hit || hit.until <= now || hit.principal.kind !== 'client') return undefined;
      usage.set(hit.principal.keyId, now);
      return hit.principal;
    },
    authenticate: async (authorization, cookie) => {
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
        const token = match?.[1];
        if (!token) throw new CredenceError('unauthorized', 'the Authorization header must be "Bearer <API key or session token>"');
        if (token.startsWith(API_KEY_PREFIX)) return byKey(token);
        if (token.startsWith(SESSION_PREFIX)) return bySession(token);
        throw new CredenceError('unauthorized', `a bearer token starts with ${API_KEY_PREFIX} (API key) or ${SESSION_PREFIX} (session)`);
      }
      const session = cookieValue(cookie, SESSION_COOKIE);
      return session === undefined ? null : bySession(session);
    },
    forgetClient: (clientId) => {
      forgottenAt.set(clientId, ++epoch);
      for (const [key, entry] of cache) if (entry.principal.kind === 'client' && entry.principal.client.id === clientId) cache.delete(key);
    },
    flushUsage: async () => {
      if (usage.size === 0) return;
      const batch = usage;
      usage = new Map();
      await service.touchApiKeys(batch);
    },
  };
}
