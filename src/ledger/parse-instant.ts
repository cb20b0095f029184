import type { Instant } from '../core/brand.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date (`2024-03-01`, taken as 00:00 UTC) or date-time with an explicit offset
 * (`2024-03-01T09:30:00+08:00`); undefined for anything else, including impossible dates
 * (`2024-02-30`) and local times without an offset, which would be ambiguous.
 */
export function parseInstant(text: string): Instant | undefined {
  const date = DATE.exec(text);
  const m = date ?? DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (date) return probe.getTime();
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}
