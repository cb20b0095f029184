import type { Instant, SubjectId } from '../core/brand.js';
import type { AttestationClaims } from '../core/attestation/index.js';
import type { StoreDialect } from './store.js';

/** One attestation a subject issued: what it stated, under which key, and whether the subject revoked it. */
export interface AttestationRow {
  /** The attestation's `jti`. */
  readonly id: string;
  readonly subjectId: SubjectId;
  /** Key id of the registry key that signed it. */
  readonly kid: string;
  readonly issuedAt: Instant;
  readonly expiresAt: Instant;
  readonly audience: string | null;
  readonly revokedAt: Instant | null;
  /** The signed claims, so the subject sees exactly what it shared. */
  readonly claims: AttestationClaims;
}

/**
 * The issued-attestations table, beside the ledger in the same database, with its own migrations.
 * Rows are not ledger events (the ledger's event union is closed); every row carries its subject id.
 */
export interface AttestationStore {
  readonly dialect: StoreDialect;
  putAttestation(row: AttestationRow): Promise<void>;
  attestation(id: string): Promise<AttestationRow | undefined>;
  /** A subject's attestations, newest first. */
  attestationsOf(subjectId: SubjectId, limit: number): Promise<readonly AttestationRow[]>;
  /** How many of the subject's attestations are neither expired nor revoked at `at`. */
  countLive(subjectId: SubjectId, at: Instant): Promise<number>;
  /** Revokes one of the subject's attestations; 1 if revoked now, 0 if not the subject's or revoked already. */
  revokeAttestation(subjectId: SubjectId, id: string, at: Instant): Promise<number>;
  close(): Promise<void>;
}
