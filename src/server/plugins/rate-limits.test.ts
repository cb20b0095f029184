import { describe, expect, it } from 'vitest';
import { windowCounter } from './rate-limits.js';

describe('windowCounter', () => {
  it('allows max requests of a key in its window, then says how long until the window ends', () => {
    const c = windowCounter(60_000);
    expect([1, 2, 3].map((i) => c.take('k', 3, 1000 + i))).toEqual([0, 0, 0]);
    expect(c.take('k', 3, 21_000)).toBe(40_001); // the window began at the first request, 1001
    expect(c.take('other', 3, 21_000)).toBe(0);
  });

  it('starts a fresh window once the last one has ended', () => {
    const c = windowCounter(1000);
    expect(c.take('k', 1, 0)).toBe(0);
    expect(c.take('k', 1, 999)).toBe(1);
    expect(c.take('k', 1, 1000)).toBe(0);
  });

  it('drops keys whose window has ended, and never holds more than maxKeys', () => {
    const c = windowCounter(1000, 50);
    for (let i = 0; i < 40; i++) c.take(`a${i}`, 10, 0);
    expect(c.size()).toBe(40);
    for (let i = 0; i < 40; i++) c.take(`b${i}`, 10, 1500);
    expect(c.size()).toBe(40);
    // Very many keys within one window: the longest held are forgotten, the newest still counted.
    for (let i = 0; i < 100; i++) c.take(`c${i}`, 1, 1600);
    expect(c.size()).toBeLessThanOrEqual(50);
    expect(c.take('c99', 1, 1601)).toBeGreaterThan(0);
  });
});
