import { FIVE_YEARS, type Duration } from '../duration.js';

/** Credit Reporting Industry Regulation (2013) Art. 16: negative information is kept 5 years, then deleted. */
export const NEGATIVE_RETENTION: Duration = FIVE_YEARS;

/** Positive records are kept for a shorter, fixed time: old merit should not stand in for current conduct. */
export const POSITIVE_RETENTION: Duration = { years: 3, months: 0, days: 0 };
