import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_BITS = 80n;
const MAX_RANDOM = (1n << RANDOM_BITS) - 1n;

const base32 = (value: bigint, chars: number): string => {
  let out = '';
  let v = value;
  for (let i = 0; i < chars; i++) {
    out = (ALPHABET[Number(v & 31n)] ?? '0') + out;
    v >>= 5n;
  }
  return out;
};

let lastTime = -1;
let lastRandom = 0n;

/**
 * `prefix` + 10 base32 characters of the millisecond time + 16 of randomness (80 bits). Ids sort by
 * creation: within one millisecond (or a clock that stands still) the random part counts up, so
 * stores append them at the end of their indexes and "newest first" is exact.
 */
export function timeOrderedId(prefix: string, at: number): string {
  const t = Math.max(0, Math.floor(at));
  if (t > lastTime) {
    lastTime = t;
    lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n; // headroom for counting up
  } else {
    lastRandom = lastRandom >= MAX_RANDOM ? 0n : lastRandom + 1n;
  }
  return `${prefix}${base32(BigInt(lastTime), 10)}${base32(lastRandom, 16)}`;
}
