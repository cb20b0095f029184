import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDuration, durationAtMost, FIVE_YEARS, parseDuration, formatDuration } from './duration.js';

describe('durations', () => {
  it('parses the PnYnMnD subset and rejects anything else', () => {
    expect(parseDuration('P2Y')).toEqual({ years: 2, months: 0, days: 0 });
    expect(parseDuration('P1Y6M3D')).toEqual({ years: 1, months: 6, days: 3 });
    for (const bad of ['P', '2Y', 'P2W', 'PT1H', 'P-1Y', 'p2y']) expect(parseDuration(bad)).toBeUndefined();
    expect(formatDuration({ years: 1, months: 6, days: 0 })).toBe('P1Y6M');
  });

  it('adds calendar years and months in UTC, clamping month ends', () => {
    expect(new Date(addDuration(Date.UTC(2024, 1, 29, 8), { years: 1, months: 0, days: 0 })).toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(new Date(addDuration(Date.UTC(2025, 0, 31), { years: 0, months: 1, days: 0 })).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(new Date(addDuration(Date.UTC(2023, 10, 15, 12, 30), { years: 2, months: 3, days: 20 })).toISOString()).toBe('2026-03-07T12:30:00.000Z');
  });

  it('agrees with Date arithmetic for any instant and any duration without clamping', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2090, 0, 1) }),
      fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 60 }),
      (at, years, months, days) => {
        const t = new Date(at);
        fc.pre(t.getUTCDate() <= 28);
        const expected = new Date(at);
        expected.setUTCFullYear(t.getUTCFullYear() + years, t.getUTCMonth() + months, t.getUTCDate() + days);
        expect(addDuration(at, { years, months, days })).toBe(expected.getTime());
      }), { numRuns: 2000 });
  });

  it('clamps month ends like the calendar for any date from 1880 to 2220, including terms that cross the table edges', () => {
    const DAY = 86_400_000;
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2220, 0, 1) }),
      fc.integer({ min: -3, max: 30 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 60 }),
      (at, years, months, days) => {
        const t = new Date(at);
        const firstOfTarget = Date.UTC(t.getUTCFullYear() + years, t.getUTCMonth() + months, 1);
        const target = new Date(firstOfTarget);
        const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        const timeOfDay = at - Math.floor(at / DAY) * DAY;
        const expected = firstOfTarget + (Math.min(t.getUTCDate(), lastDay) - 1 + days) * DAY + timeOfDay;
        expect(addDuration(at, { years, months, days })).toBe(expected);
      }), { numRuns: 5000 });
  });

  it('bounds terms at five years', () => {
    expect(durationAtMost({ years: 5, months: 0, days: 0 }, FIVE_YEARS)).toBe(true);
    expect(durationAtMost({ years: 4, months: 12, days: 1 }, FIVE_YEARS)).toBe(false);
  });
});
