import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

describe('timeOrderedId', () => {
  it('sorts by time, and by creation within the same millisecond or when the clock steps back', () => {
    const ids = [timeOrderedId('dec_', 1000), timeOrderedId('dec_', 1000), timeOrderedId('dec_', 999), timeOrderedId('dec_', 2000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toMatch(/^dec_[0-9a-z]{26}$/);
  });

  it('stays unique and ordered over many ids in one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId('x_', 5000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
