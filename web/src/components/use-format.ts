import type { Duration } from '../../../src/core/duration.js';
import { useI18n } from '../i18n/i18n-context.js';
import { formatDate, formatDateTime, formatTerm } from './format.js';

/** Formatting bound to the current language. */
export function useFormat() {
  const { t, locale } = useI18n();
  return {
    date: (v: number | string | null | undefined) => formatDate(v, locale),
    dateTime: (v: number | string | null | undefined) => formatDateTime(v, locale),
    term: (d: Duration | string) => formatTerm(d, (unit, n) => t(`duration.${unit}`, { n })),
    number: (n: number) => n.toLocaleString(locale),
  };
}
