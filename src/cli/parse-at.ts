import { InvalidArgumentError } from 'commander';
import { parseInstant } from '../ledger/parse-instant.js';

/** `--at` values: an ISO 8601 date (midnight UTC) or a date-time with an offset. */
export function parseAt(value: string): number {
  const t = parseInstant(value);
  if (t === undefined) throw new InvalidArgumentError('give an ISO 8601 date (2026-03-01) or date-time with offset (2026-03-01T09:30:00+08:00).');
  return t;
}
