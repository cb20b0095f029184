import type { Instant } from './brand.js';

/** A calendar duration, as written in a rulebook (`P2Y`, `P3M`, `P20D`, `P1Y6M`). */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/** Parses the `PnYnMnD` subset of ISO 8601; returns undefined when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P') return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), days: Number(m[3] ?? 0) };
}

export function formatDuration(d: Duration): string {
  const parts = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.days ? `${d.days}D` : ''}`;
  return `P${parts || '0D'}`;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12); integer math, no allocation. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const scratch = { y: 0, m: 0, d: 0 };
/** The inverse of daysFromCivil, written into a scratch object to stay allocation-free. */
function civilFromDays(z: number): typeof scratch {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  scratch.d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  scratch.m = mp < 10 ? mp + 3 : mp - 9;
  scratch.y = yoe + era * 400 + (scratch.m <= 2 ? 1 : 0);
  return scratch;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Calendar tables for 1900-01-01 .. 2199-12-31, built on first use: for each day its month (counted
 * from year 0) and day of month, for each month the day number of its first day. Standings add terms
 * to dates many times per subject; a lookup replaces the civil-date arithmetic for any date in range.
 */
const FIRST_YEAR = 1900;
const YEARS = 300;
const FIRST_MONTH = FIRST_YEAR * 12;
const FIRST_DAY = -25_567; // 1900-01-01
let dayMonth: Int32Array | undefined; // monthIndex * 32 + dayOfMonth, by day number - FIRST_DAY
let monthStart: Int32Array | undefined; // day number of the 1st, by monthIndex - FIRST_MONTH (one extra month)

function buildTables(): void {
  const starts = new Int32Array(YEARS * 12 + 1);
  for (let i = 0; i <= YEARS * 12; i++) starts[i] = daysFromCivil(FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
  const days = new Int32Array((starts[YEARS * 12] as number) - FIRST_DAY);
  for (let i = 0; i < YEARS * 12; i++) {
    const from = (starts[i] as number) - FIRST_DAY;
    const to = (starts[i + 1] as number) - FIRST_DAY;
    for (let d = from; d < to; d++) days[d] = (FIRST_MONTH + i) * 32 + (d - from + 1);
  }
  monthStart = starts;
  dayMonth = days;
}

/** Adds a calendar duration in UTC. Month ends clamp (Jan 31 + 1 month = Feb 28/29), as courts count. */
export function addDuration(at: Instant, d: Duration): Instant {
  if (d.years === 0 && d.months === 0) return at + d.days * DAY;
  const dayNumber = Math.floor(at / DAY);
  const timeOfDay = at - dayNumber * DAY;
  if (dayMonth === undefined) buildTables();
  const packed = (dayMonth as Int32Array)[dayNumber - FIRST_DAY];
  const target = packed === undefined ? -1 : (packed >> 5) + d.years * 12 + d.months - FIRST_MONTH;
  const starts = monthStart as Int32Array;
  if (packed !== undefined && target >= 0 && target < YEARS * 12) {
    const first = starts[target] as number;
    const day = Math.min(packed & 31, (starts[target + 1] as number) - first);
    return (first + day - 1 + d.days) * DAY + timeOfDay;
  }
  const c = civilFromDays(dayNumber);
  const monthIndex = c.y * 12 + (c.m - 1) + d.years * 12 + d.months;
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  const day = Math.min(c.d, daysInMonth(y, m));
  return (daysFromCivil(y, m, day) + d.days) * DAY + timeOfDay;
}

/** Compares durations by their length from a fixed anchor (calendar-aware). */
export function durationAtMost(d: Duration, max: Duration): boolean {
  const anchor = Date.UTC(2000, 0, 31);
  return addDuration(anchor, d) <= addDuration(anchor, max);
}

export const FIVE_YEARS: Duration = { years: 5, months: 0, days: 0 };
