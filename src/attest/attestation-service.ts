import { randomBytes } from 'node:crypto';
import type { Instant, SubjectId } from '../core/brand.js';
import {
  attestationClaimsFromStanding, encodeBase64Url, signAttestation, verifyAttestation,
  type AttestationClaims, type Jwks, type VerifyFailure,
} from '../core/attestation/index.js';
import { CredenceError } from '../core/errors.js';
import type { Standing } from '../core/standing/model.js';
import type { AttestationRow, AttestationStore } from '../store/attestation-store.js';
import { activeKey, jwksOf, publishedKeys } from './key-ring.js';
import type { KeySource } from './key-source.js';

export interface IssueOptions {
  readonly expiresInDays?: number;
  readonly audience?: string;
  readonly includeRedLists?: boolean;
}

export interface Issued {
  readonly token: string;
  readonly row: AttestationRow;
}

export interface Verification {
  readonly valid: boolean;
  readonly reason?: VerifyFailure | 'revoked';
  readonly claims?: AttestationClaims;
  readonly revoked: boolean;
  readonly revokedAt?: Instant;
}

export interface AttestationService {
  readonly issuer: string;
  /** Signs an attestation of `standing` (the subject's own, computed at `at`) and records it. */
  issue(standing: Standing, options: IssueOptions, at: Instant): Promise<Issued>;
  list(subjectId: SubjectId, limit: number): Promise<readonly AttestationRow[]>;
  /** Revokes one of the subject's own attestations (idempotent); not_found for anyone else's. */
  revoke(subjectId: SubjectId, id: string, at: Instant): Promise<AttestationRow>;
  /** Whether an attestation was revoked; not_found for an id the registry never issued. */
  status(id: string): Promise<{ readonly revoked: boolean; readonly revokedAt?: Instant }>;
  /** Verifies with the keys published at `at`, then checks revocation. */
  verify(token: string, audience: string | undefined, at: Instant): Promise<Verification>;
  /** The public keys to publish at `at` (/.well-known/credence-keys.json). */
  jwks(at: Instant): Jwks;
  close(): Promise<void>;
}

export interface AttestationServiceOptions {
  readonly store: AttestationStore;
  readonly keys: KeySource;
  /** `iss` of every attestation: the registry's origin, e.g. https://credence.example. */
  readonly issuer: string;
  /** Most unexpired, unrevoked attestations one subject may hold at a time. */
  readonly maxLivePerSubject?: number;
  readonly newId?: () => string;
}

export const DEFAULT_MAX_LIVE = 100;
const newAttestationId = (): string => `att_${encodeBase64Url(randomBytes(16))}`;

export function createAttestationService(options: AttestationServiceOptions): AttestationService {
  const { store, keys, issuer } = options;
  const maxLive = options.maxLivePerSubject ?? DEFAULT_MAX_LIVE;
  const newId = options.newId ?? newAttestationId;
  const notFound = (id: string) => new CredenceError('not_found', `no attestation ${id} of yours`);

  return {
    issuer,
    issue: async (standing, request, at) => {
      const key = activeKey(keys.ring());
      if (await store.countLive(standing.subjectId, at) >= maxLive) {
        throw new CredenceError('rate_limited', `you hold ${maxLive} live attestations: revoke some or wait for them to expire`);
      }
      const claims = attestationClaimsFromStanding(standing, { issuer, jti: newId(), at, ...request });
      const row: AttestationRow = {
        id: claims.jti, subjectId: standing.subjectId, kid: key.kid, issuedAt: at, expiresAt: claims.exp * 1000,
        audience: claims.aud ?? null, revokedAt: null, claims,
      };
      await store.putAttestation(row);
      return { token: signAttestation(claims, key), row };
    },
    list: (subjectId, limit) => store.attestationsOf(subjectId, limit),
    revoke: async (subjectId, id, at) => {
      await store.revokeAttestation(subjectId, id, at);
      const row = await store.attestation(id);
      if (row?.subjectId !== subjectId) throw notFound(id);
      return row;
    },
    status: async (id) => {
      const row = await store.attestation(id);
      if (!row) throw new CredenceError('not_found', `the registry issued no attestation ${id}`);
      return row.revokedAt === null ? { revoked: false } : { revoked: true, revokedAt: row.revokedAt };
    },
    verify: async (token, audience, at) => {
      const result = verifyAttestation(token, publishedKeys(keys.ring(), at), at, audience === undefined ? {} : { audience });
      if (!result.ok) return { valid: false, reason: result.reason, revoked: false };
      const row = await store.attestation(result.claims.jti);
      if (row !== undefined && row.revokedAt !== null) return { valid: false, reason: 'revoked', claims: result.claims, revoked: true, revokedAt: row.revokedAt };
      return { valid: true, claims: result.claims, revoked: false };
    },
    jwks: (at) => jwksOf(keys.ring(), at),
    close: () => store.close(),
  };
}
