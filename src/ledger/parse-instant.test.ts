import { describe, expect, it } from 'vitest';
import { parseInstant } from './parse-instant.js';

describe('parseInstant', () => {
  it('reads dates as 00:00 UTC and date-times with their offset', () => {
    expect(parseInstant('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseInstant('2024-03-01T09:30:00+08:00')).toBe(Date.UTC(2024, 2, 1, 1, 30));
    expect(parseInstant('2024-03-01T09:30Z')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseInstant('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses impossible dates, local times without an offset and other text', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-03-01T09:30:00', '2024-03-01T24:00Z', '01/03/2024', '', '2024-3-1', '1899-12-31']) {
      expect(parseInstant(text), text).toBeUndefined();
    }
  });
});
