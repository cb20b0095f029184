import { readFileSync } from 'node:fs';
import { parseJwks, verifyAttestation, type VerificationKey } from '../../core/attestation/index.js';
import { UserError } from '../user-error.js';
import { FAILURE_TEXT, formatAttestation } from './format-attestation.js';
import { getJson } from './registry-http.js';

export interface VerifyAttestationInput {
  readonly file: string;
  readonly server?: string;
  readonly keys?: string;
  readonly audience?: string;
  readonly at: number;
  readonly json?: boolean;
}

const read = (file: string): string => {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** The token in a file: the bare JWS, or the JSON the registry answered when it was issued ({ "token": ... }). */
function tokenIn(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    const token = (JSON.parse(trimmed) as { token?: unknown }).token;
    if (typeof token === 'string') return token;
  } catch {
    // not JSON after all: verify it as it is, and let the verifier call it malformed
  }
  return trimmed;
}

async function trustedKeys(input: VerifyAttestationInput): Promise<readonly VerificationKey[]> {
  const source = input.keys ?? `${input.server ?? ''}/.well-known/credence-keys.json`;
  let doc: unknown;
  if (input.keys !== undefined) {
    try {
      doc = JSON.parse(read(input.keys));
    } catch (error) {
      throw error instanceof UserError ? error : new UserError(`${input.keys} is not JSON: give the registry's key set (/.well-known/credence-keys.json)`);
    }
  } else if (input.server !== undefined) {
    doc = await getJson(input.server, '/.well-known/credence-keys.json');
  } else {
    throw new UserError("give the registry's public keys: --keys FILE (a saved /.well-known/credence-keys.json) or --server URL");
  }
  const parsed = parseJwks(doc);
  if (!parsed.ok) throw new UserError(`${source}: ${parsed.error}`);
  return parsed.keys;
}

/** `credence attest verify`: offline against the given keys, then revocation when a server is given. Returns the exit code. */
export async function runVerifyAttestation(input: VerifyAttestationInput, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const token = tokenIn(read(input.file));
  const result = verifyAttestation(token, await trustedKeys(input), input.at, input.audience === undefined ? {} : { audience: input.audience });
  let failure: keyof typeof FAILURE_TEXT | null = result.ok ? null : result.reason;
  let revocation = 'not checked (give --server to ask the registry)';
  if (result.ok && input.server !== undefined) {
    const status = await getJson(input.server, `/v1/attestations/${encodeURIComponent(result.claims.jti)}/status`) as { revoked?: boolean; revokedAt?: string } | null;
    if (status === null) failure = 'unknown_to_registry';
    else if (status.revoked === true) failure = 'revoked';
    revocation = status?.revoked === true ? `revoked at ${status.revokedAt ?? '?'}` : `not revoked (asked ${input.server})`;
  }
  if (input.json === true) {
    out.write(`${JSON.stringify({ valid: failure === null, ...(failure ? { reason: failure } : {}), ...(result.ok ? { claims: result.claims } : {}), revocation }, null, 2)}\n`);
  } else if (failure === null && result.ok) {
    out.write(formatAttestation(result.claims, result.kid, revocation));
  }
  if (failure === null) return 0;
  err.write(`credence: attestation not valid: ${failure}: ${FAILURE_TEXT[failure]}${failure === 'revoked' ? ` (${revocation})` : ''}\n`);
  return 1;
}
