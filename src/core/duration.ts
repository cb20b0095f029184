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

/** Adds a calendar duration in UTC. Month ends clamp (Jan 31 + 1 month = Feb 28/29), as courts count. */
export function addDuration(at: Instant, d: Duration): Instant {
  const t = new Date(at);
  const y = t.getUTCFullYear() + d.years;
  const monthIndex = t.getUTCMonth() + d.months;
  const targetYear = y + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(t.getUTCDate(), lastDay);
  const base = Date.UTC(targetYear, targetMonth, day, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
  return base + d.days * 86_400_000;
}

/** Compares durations by their length from a fixed anchor (calendar-aware). */
export function durationAtMost(d: Duration, max: Duration): boolean {
  const anchor = Date.UTC(2000, 0, 31);
  return addDuration(anchor, d) <= addDuration(anchor, max);
}

export const FIVE_YEARS: Duration = { years: 5, months: 0, days: 0 };
