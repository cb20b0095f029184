import type { Instant } from '../brand.js';
import { CredenceError } from '../errors.js';
import type { Standing } from '../standing/model.js';
import { DEFAULT_ATTESTATION_DAYS, MAX_ATTESTATION_DAYS, type AttestationClaims } from './attestation-claims.js';
import { pointsBand } from './points-band.js';

export interface AttestationRequest {
  readonly issuer: string;
  readonly jti: string;
  /** Issue time; the standing should be computed at the same instant. */
  readonly at: Instant;
  /** Whole days, 1..30; default 7. */
  readonly expiresInDays?: number;
  readonly audience?: string;
  /** Share the ids of the red (honour) lists the subject is on; default no. */
  readonly includeRedLists?: boolean;
}

const DAY_SECONDS = 86_400;
export const MAX_AUDIENCE_LENGTH = 200;

/** Checks an audience as a subject typed it: trimmed, 1..200 characters, printable. */
export function normalizeAudience(audience: string): string {
  const a = audience.trim();
  if (a.length === 0 || a.length > MAX_AUDIENCE_LENGTH || /[\u0000-\u001f\u007f]/u.test(a)) {
    throw new CredenceError('invalid_request', `audience must be 1..${MAX_AUDIENCE_LENGTH} printable characters`);
  }
  return a;
}

/**
 * The claims of an attestation of `standing`: grade, points band and list status only, never a
 * record. Throws invalid_request for a lifetime outside 1..30 days or an unusable audience.
 */
export function attestationClaimsFromStanding(standing: Standing, request: AttestationRequest): AttestationClaims {
  const days = request.expiresInDays ?? DEFAULT_ATTESTATION_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_ATTESTATION_DAYS) {
    throw new CredenceError('invalid_request', `an attestation lasts 1 to ${MAX_ATTESTATION_DAYS} whole days, not ${days}`);
  }
  const iat = Math.floor(request.at / 1000);
  const red = [...new Set(standing.lists.filter((l) => l.kind === 'red').map((l) => l.listId))].sort();
  return {
    iss: request.issuer,
    sub: standing.subjectId,
    jti: request.jti,
    iat,
    exp: iat + days * DAY_SECONDS,
    ...(request.audience === undefined ? {} : { aud: normalizeAudience(request.audience) }),
    asOf: new Date(standing.at).toISOString(),
    rulebookVersion: standing.rulebookVersion,
    grade: standing.grade,
    pointsBand: pointsBand(standing.points),
    onBlackList: standing.lists.some((l) => l.kind === 'black'),
    ...(request.includeRedLists === true ? { redLists: red } : {}),
  };
}
