import type { Instant } from '../brand.js';
import { daysFromCivil } from '../duration.js';

const DAY = 86_400_000;
/** Deadlines are counted in China Standard Time (UTC+8, no daylight saving). */
export const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * Extra days off and extra working days (a weekend day worked in exchange for a holiday), as ISO
 * dates (`2026-10-01`). Only working-day deadlines read it.
 */
export interface HolidayCalendar {
  readonly holidays: readonly string[];
  readonly workdays?: readonly string[];
}

export const NO_HOLIDAYS: HolidayCalendar = { holidays: [] };

export interface DayCount {
  readonly days: number;
  readonly workingDays: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The CST day number (days since 1970-01-01 in UTC+8) of an ISO date; throws on a malformed date. */
export function cstDayOfIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > 31) throw new Error(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  return daysFromCivil(y, mo, d);
}

/** The CST day an instant falls on, as a day number. */
export const cstDayOf = (at: Instant): number => Math.floor((at + CST_OFFSET_MS) / DAY);

/** The instant a CST day ends: 24:00 CST, which is 00:00 of the next day. */
export const endOfCstDay = (day: number): Instant => (day + 1) * DAY - CST_OFFSET_MS;

/** Monday to Friday, unless the calendar makes it a holiday; a weekend day the calendar lists as a workday works. */
function workingDayTest(calendar: HolidayCalendar): (day: number) => boolean {
  const off = new Set(calendar.holidays.map(cstDayOfIsoDate));
  const on = new Set((calendar.workdays ?? []).map(cstDayOfIsoDate));
  return (day) => {
    if (on.has(day)) return true;
    if (off.has(day)) return false;
    const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday; day 0 (1970-01-01) was a Thursday
    return weekday !== 0 && weekday !== 6;
  };
}

/**
 * The end of a period of `days` days that starts at `start`: the day `start` falls on is not
 * counted, the period ends at 24:00 CST of its last day, and a step due at that instant is late.
 * Calendar days count every day; working days skip weekends and the calendar's holidays.
 */
export function periodEnd(start: Instant, count: DayCount, calendar: HolidayCalendar = NO_HOLIDAYS): Instant {
  if (!Number.isInteger(count.days) || count.days < 0) throw new Error(`a period is a whole number of days, not ${count.days}`);
  let day = cstDayOf(start);
  if (!count.workingDays) return endOfCstDay(day + count.days);
  const working = workingDayTest(calendar);
  for (let counted = 0; counted < count.days;) {
    day += 1;
    if (working(day)) counted += 1;
  }
  return endOfCstDay(day);
}
