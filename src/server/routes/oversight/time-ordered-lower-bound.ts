const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * The smallest id `timeOrderedId(prefix, t)` (src/server/inquiries/time-ordered-id.ts) can give for any
 * t >= `at`: the prefix and the 10 base32 time digits, without the random part that follows them.
 */
export function timeOrderedLowerBound(prefix: string, at: number): string {
  let v = Math.max(0, Math.floor(at));
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = (ALPHABET[v % 32] ?? '0') + time;
    v = Math.floor(v / 32);
  }
  return `${prefix}${time}`;
}
