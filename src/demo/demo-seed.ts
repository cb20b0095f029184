import { mulberry32, type Rng } from '../core/random.js';

/** A demo seed as given on the command line (any text) to 32 bits, by FNV-1a. */
export function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The random stream of one subject: a function of (seed, index) only, so any subject can be generated
 * alone and the population streams in any chunking with the same bytes.
 */
export function subjectRng(seed: number, index: number): Rng {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}
