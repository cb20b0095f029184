import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

describe('timeOrderedId', () => {
  it('sorts by time, and by creation within the same millisecond', () => {
    const ids = [timeOrderedId('dec_', 1000), timeOrderedId('dec_', 1000), timeOrderedId('dec_', 999), timeOrderedId('dec_', 2000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toMatch(/^dec_[0-9a-z]{26}$/);
  });
});
