import { parseDuration, type Duration } from '../../../src/core/duration.js';

/** Dates and times in the reader's language; instants are epoch ms or ISO strings from the API. */
export function formatDate(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value)
    : d.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A rulebook term (`P5Y` or its parsed form) in plain words. */
export function formatTerm(term: Duration | string, words: (unit: 'y' | 'm' | 'd', n: number) => string): string {
  const d = typeof term === 'string' ? parseDuration(term) : term;
  if (!d) return String(term);
  const parts: string[] = [];
  if (d.years) parts.push(words('y', d.years));
  if (d.months) parts.push(words('m', d.months));
  if (d.days) parts.push(words('d', d.days));
  return parts.length > 0 ? parts.join(' ') : words('d', 0);
}
