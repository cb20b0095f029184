import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../inquiries/time-ordered-id.js';
import { timeOrderedLowerBound } from './time-ordered-lower-bound.js';

describe('timeOrderedLowerBound', () => {
  it('every id made before an instant sorts before the bound, and none made at or after it', () => {
    // The id generator never goes back in time, so the instants only grow from one run to the next.
    let floor = Date.UTC(2030, 0, 1);
    fc.assert(fc.property(fc.integer({ min: 2, max: 10 ** 9 }), fc.integer({ min: 0, max: 10_000 }), (gap, later) => {
      const at = floor + gap;
      floor = at + later;
      const bound = timeOrderedLowerBound('dec_', at);
      expect(timeOrderedId('dec_', at - 1) < bound).toBe(true);
      expect(timeOrderedId('dec_', at) >= bound).toBe(true);
      expect(timeOrderedId('dec_', at + later) >= bound).toBe(true);
    }));
  });
});
