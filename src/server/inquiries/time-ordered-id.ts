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

// The text of the current millisecond and of the random digits, made once per millisecond and
// touched up on each increment (ids are made on the hot path of every check).
let timeText = '';
let randText = '';

function digitsText(): string {
  let text = '';
  for (let i = 0; i < DIGITS; i++) text += ALPHABET[random[i] ?? 0] ?? '0';
  return text;
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
    let time = '';
    for (let i = 0, v = t; i < 10; i++, v = Math.floor(v / 32)) time = (ALPHABET[v % 32] ?? '0') + time;
    timeText = time;
    randText = digitsText();
  } else {
    // Counting up changes the last digit only, unless it carries.
    const last = random[DIGITS - 1] ?? 0;
    increment();
    randText = last < 31 ? randText.slice(0, DIGITS - 1) + (ALPHABET[last + 1] ?? '0') : digitsText();
  }
  return prefix + timeText + randText;
}
