import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** The random part: 16 base32 digits (80 bits), counted up within a millisecond. */
const DIGITS = 16;

let lastTime = -1;
const random = new Uint8Array(DIGITS);

// Random bytes are drawn from the system 4 KB at a time: one call per 256 milliseconds with ids, not one per millisecond.
const pool = new Uint8Array(4096);
let used = pool.length;

function reseed(): void {
  if (used + DIGITS > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  for (let i = 0; i < DIGITS; i++) random[i] = (pool[used + i] ?? 0) & 31;
  used += DIGITS;
  random[0] = (random[0] ?? 0) & 15; // headroom for counting up
}

/** Adds one to the base32 digits, carrying left; wraps to zero after the largest value. */
function increment(): void {
  for (let i = DIGITS - 1; i >= 0; i--) {
    const d = (random[i] ?? 0) + 1;
    if (d < 32) {
      random[i] = d;
      return;
    }
    random[i] = 0;
  }
}

/**
 * `prefix` + 10 base32 characters of the millisecond time + 16 of randomness (80 bits). Ids sort by
 * creation: within one millisecond (or a clock that stands still or steps back) the random part
 * counts up, so stores append them at the end of their indexes and "newest first" is exact.
 */
export function timeOrderedId(prefix: string, at: number): string {
  const t = Math.max(0, Math.floor(at));
  if (t > lastTime) {
    lastTime = t;
    reseed();
  } else {
    increment();
  }
  let time = '';
  let v = lastTime;
  for (let i = 0; i < 10; i++) {
    time = (ALPHABET[v % 32] ?? '0') + time;
    v = Math.floor(v / 32);
  }
  let rand = '';
  for (let i = 0; i < DIGITS; i++) rand += ALPHABET[random[i] ?? 0] ?? '0';
  return `${prefix}${time}${rand}`;
}
