import type { Instant } from '../core/brand.js';
import { openAttestationStore } from '../store/open-attestation-store.js';
import { createAttestationService, type AttestationService } from './attestation-service.js';
import { attestationKeySource } from './key-source.js';

/** `iss` of attestations when none is configured (env CREDENCE_ATTEST_ISSUER). */
export const DEFAULT_ATTEST_ISSUER = 'credence.local';

export interface OpenAttestationsOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** The signing key file (default: beside a SQLite database; PostgreSQL needs this or CREDENCE_ATTEST_KEYS). */
  readonly keyFile?: string;
  readonly issuer?: string;
  readonly now?: () => Instant;
}

/** Opens the attestation table and signing keys of the registry at `dbUrl`. */
export async function openAttestations(dbUrl: string, options: OpenAttestationsOptions = {}): Promise<AttestationService> {
  const keys = attestationKeySource(dbUrl, {
    ...(options.env ? { env: options.env } : {}), ...(options.keyFile ? { keyFile: options.keyFile } : {}), ...(options.now ? { now: options.now } : {}),
  });
  const issuer = options.issuer ?? options.env?.['CREDENCE_ATTEST_ISSUER']?.trim() ?? DEFAULT_ATTEST_ISSUER;
  const store = await openAttestationStore(dbUrl);
  return createAttestationService({ store, keys, issuer: issuer === '' ? DEFAULT_ATTEST_ISSUER : issuer });
}
