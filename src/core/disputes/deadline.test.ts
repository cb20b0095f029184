import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cstDayOf, endOfCstDay, periodEnd } from './deadline.js';

/** An instant given as a CST wall-clock time. */
const cst = (text: string): number => Date.parse(`${text}+08:00`);

describe('periodEnd', () => {
  it('counts calendar days from the day after the start and ends at 24:00 CST of the last day', () => {
    // Opened Monday 2026-06-01 at 09:00 CST: 20 days later is Sunday 2026-06-21, ending at 24:00 CST.
    expect(periodEnd(cst('2026-06-01T09:00:00'), { days: 20, workingDays: false })).toBe(cst('2026-06-22T00:00:00'));
  });

  it('counts the start day by its CST date, not its UTC date', () => {
    // 2026-06-01T20:00Z is already 2026-06-02 04:00 in Beijing.
    expect(periodEnd(Date.parse('2026-06-01T20:00:00Z'), { days: 1, workingDays: false })).toBe(cst('2026-06-04T00:00:00'));
    // 23:59:59.999 CST is still the same day; one millisecond later it is the next.
    expect(periodEnd(cst('2026-06-01T23:59:59.999'), { days: 1, workingDays: false })).toBe(cst('2026-06-03T00:00:00'));
    expect(periodEnd(cst('2026-06-02T00:00:00'), { days: 1, workingDays: false })).toBe(cst('2026-06-04T00:00:00'));
  });

  it('skips weekends when counting working days', () => {
    // Opened Thursday 2026-06-04: Fri 5, (Sat, Sun), Mon 8, Tue 9 -> 3 working days end Tuesday night.
    expect(periodEnd(cst('2026-06-04T15:00:00'), { days: 3, workingDays: true })).toBe(cst('2026-06-10T00:00:00'));
    // Opened Saturday: the first working day is Monday.
    expect(periodEnd(cst('2026-06-06T10:00:00'), { days: 1, workingDays: true })).toBe(cst('2026-06-09T00:00:00'));
  });

  it('skips the holidays of a calendar and works its make-up weekend days', () => {
    // National Day 2026: Oct 1-7 off (Thu-Wed), Sunday Sep 27 and Saturday Oct 10 worked instead.
    const calendar = {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-27', '2026-10-10'],
    };
    // Opened Friday Sep 25: Sun 27 (make-up), Mon 28, Tue 29, Wed 30, then Thu Oct 8, Fri 9, Sat 10 (make-up), Mon 12.
    const opened = cst('2026-09-25T11:00:00');
    expect(periodEnd(opened, { days: 4, workingDays: true }, calendar)).toBe(cst('2026-10-01T00:00:00'));
    expect(periodEnd(opened, { days: 5, workingDays: true }, calendar)).toBe(cst('2026-10-09T00:00:00'));
    expect(periodEnd(opened, { days: 7, workingDays: true }, calendar)).toBe(cst('2026-10-11T00:00:00'));
    expect(periodEnd(opened, { days: 8, workingDays: true }, calendar)).toBe(cst('2026-10-13T00:00:00'));
    // Without the calendar the same period is shorter.
    expect(periodEnd(opened, { days: 8, workingDays: true })).toBe(cst('2026-10-08T00:00:00'));
    // Calendar-day periods ignore holidays.
    expect(periodEnd(opened, { days: 8, workingDays: false }, calendar)).toBe(cst('2026-10-04T00:00:00'));
  });

  it('refuses a malformed holiday date rather than ignore it', () => {
    expect(() => periodEnd(0, { days: 1, workingDays: true }, { holidays: ['2026-13-01'] })).toThrow(/ISO date/);
    expect(() => periodEnd(0, { days: 1, workingDays: true }, { holidays: ['1 Oct'] })).toThrow(/ISO date/);
  });

  it('always ends at a CST midnight, after the start, and no earlier for working days than for calendar days', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 60 }), (start, days) => {
      const calendar = periodEnd(start, { days, workingDays: false });
      const working = periodEnd(start, { days, workingDays: true });
      expect(endOfCstDay(cstDayOf(calendar) - 1)).toBe(calendar);
      expect(calendar).toBeGreaterThan(start);
      expect(working).toBeGreaterThanOrEqual(calendar);
      // Five working days never take more than a week beyond the start day (no holidays given).
      expect(periodEnd(start, { days: 5, workingDays: true }) - endOfCstDay(cstDayOf(start))).toBeLessThanOrEqual(7 * 86_400_000);
    }));
  });
});
