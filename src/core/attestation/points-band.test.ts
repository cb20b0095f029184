import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsBand } from './points-band.js';

describe('pointsBand', () => {
  it('hides the exact points inside a band of 50', () => {
    expect(pointsBand(1000)).toBe('1000-1049');
    expect(pointsBand(1049)).toBe('1000-1049');
    expect(pointsBand(1050)).toBe('1050-1099');
    expect(pointsBand(899)).toBe('850-899');
    expect(pointsBand(0)).toBe('0-49');
  });

  it('always names a band that holds the points', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (p) => {
      const [low = NaN, high = NaN] = pointsBand(p).split('-').map(Number);
      expect(low <= p && p <= high && high - low === 49).toBe(true);
    }));
  });
});
