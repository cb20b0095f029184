import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mulberry32, pick, randomInt } from './random.js';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1) and spreads over the interval', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = mulberry32(seed);
        const xs = Array.from({ length: 200 }, rng);
        expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
        expect(new Set(xs).size).toBeGreaterThan(190);
      }),
      { numRuns: 200 },
    );
  });
});

describe('randomInt and pick', () => {
  it('hits every value of a small inclusive range and nothing outside it', () => {
    const rng = mulberry32(7);
    const seen = new Set(Array.from({ length: 500 }, () => randomInt(rng, 3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('rejects empty ranges and lists', () => {
    expect(() => randomInt(mulberry32(1), 5, 4)).toThrow(RangeError);
    expect(() => pick(mulberry32(1), [])).toThrow(RangeError);
  });
});
