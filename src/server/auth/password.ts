import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt parameters (RFC 7914): N = 2^15, r = 8, p = 3, one of the settings OWASP's password storage
 * cheat sheet gives as equal in cost to N = 2^17, p = 1, at a quarter of the memory (32 MiB a guess).
 */
const N = 32_768;
const R = 8;
const P = 3;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;
const PAD_SALT = Buffer.alloc(16);

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url), self-describing so the parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P, maxmem: MAX_MEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

type Parameters = { readonly N: number; readonly r: number; readonly p: number };

/** A stored hash read apart: its scrypt parameters, salt and key; null when it is not one. */
function readStored(stored: string): (Parameters & { readonly salt: Buffer; readonly key: Buffer }) | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || salt === undefined || key === undefined || ![params.N, params.r, params.p].every(Number.isSafeInteger)) return null;
  return { ...params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

const work = (x: Parameters): number => x.N * x.r * x.p;
const CURRENT: Parameters = { N, r: R, p: P };

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const s = readStored(stored);
  if (!s) return false;
  const key = await derive(password, s.salt, { N: s.N, r: s.r, p: s.p, maxmem: MAX_MEM });
  return key.length === s.key.length && timingSafeEqual(key, s.key);
}

/**
 * Spends on a throwaway derivation the work a hash made under weaker parameters lacks, so that a wrong
 * password takes as long against it as against a current hash (the decoy of an unknown subject):
 * the answer's timing must not tell an enrolled subject from an unknown one.
 */
export async function padToCurrentCost(stored: string): Promise<void> {
  const pad = missingCost(stored);
  if (pad) await derive('', PAD_SALT, { ...pad, maxmem: MAX_MEM });
}

/** The scrypt parameters of the work a stored hash lacks against today's (in N·r·p), or null when it lacks none. */
export function missingCost(stored: string): Parameters | null {
  const s = readStored(stored);
  const missing = work(CURRENT) - (s ? work(s) : 0);
  return missing <= 0 ? null : { N, r: R, p: Math.max(1, Math.round(missing / (N * R))) };
}

/** True when a stored hash was made with weaker parameters than today's: after a successful login it is made again. */
export function needsRehash(stored: string): boolean {
  const s = readStored(stored);
  return !s || work(s) < work(CURRENT) || s.N < N || s.r < R;
}

const WORDS = 'abcdefghjkmnpqrstuvwxyz023456789';
/** A generated enrolment password: 4 groups of 5 characters from 32 unambiguous ones (100 bits). */
export function generatePassword(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => WORDS[b & 31] ?? 'a');
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
