import { describe, expect, it } from 'vitest';
import { backoffMs } from './webhook-sender.js';

const MINUTE = 60_000;

describe('webhook retry schedule', () => {
  it('waits 1 minute after the first failure, doubling after each, never more than the cap', () => {
    const waits = Array.from({ length: 12 }, (_, i) => backoffMs(i + 1, MINUTE, 6 * 60 * MINUTE) / MINUTE);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
  });

  it('spreads 10 attempts over about 8.5 hours, as the API docs say', () => {
    const total = Array.from({ length: 9 }, (_, i) => backoffMs(i + 1, MINUTE, 6 * 60 * MINUTE)).reduce((a, b) => a + b, 0);
    expect(total / MINUTE).toBe(511);
  });
});
