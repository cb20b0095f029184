import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStanding } from './compute-standing.js';
import { defaultCompiled, day, PERSON, rec, T0 } from '../../../test/support/core-fixtures.js';
import type { RecordState } from '../record.js';

const rb = defaultCompiled();
const person = { id: PERSON, kind: 'person' as const };

// Capped types of both signs, with the attributes that pick their rule and multiply their points.
const cappedRecord = fc.record({
  type: fc.constantFrom('loan.overdue', 'transport.fare_evasion', 'loan.ontime_history', 'civic.volunteer_service'),
  daysAgo: fc.integer({ min: 0, max: 300 }),
  daysOverdue: fc.integer({ min: 1, max: 200 }),
  cycles: fc.integer({ min: 1, max: 12 }),
  months: fc.integer({ min: 1, max: 36 }),
  hours: fc.integer({ min: 1, max: 200 }),
  fulfilled: fc.boolean(),
  consent: fc.boolean(),
}).map((g): RecordState => rec(g.type, {
  occurredAt: T0 - g.daysAgo * day,
  attributes: g.type === 'loan.overdue' ? { daysOverdue: g.daysOverdue, cycles: g.cycles }
    : g.type === 'loan.ontime_history' ? { months: g.months } : g.type === 'civic.volunteer_service' ? { hours: g.hours } : {},
  consent: g.consent,
  ...(g.fulfilled ? { status: 'fulfilled' as const, fulfilledAt: T0 - g.daysAgo * day + day } : {}),
}));

describe('per-type caps', () => {
  it('let each record move what it would alone, clipped to what is left of its type’s cap, in order of occurrence', () => {
    fc.assert(fc.property(fc.array(cappedRecord, { maxLength: 25 }), (records) => {
      const at = T0 + day;
      const s = computeStanding(person, records, rb, at);
      const totals = new Map<string, number>();
      let sum = 0;
      for (const line of s.explanation) {
        const alone = computeStanding(person, records.filter((r) => r.id === line.recordId), rb, at).explanation[0];
        if (!alone) throw new Error('no line for a record alone');
        const cap = rb.types.get(line.type)?.cap ?? 0;
        const sofar = totals.get(line.type) ?? 0;
        const expected = cap < 0 ? Math.min(0, Math.max(alone.points, cap - sofar)) : Math.max(0, Math.min(alone.points, cap - sofar));
        expect(line.points).toBe(expected);
        expect(line.state === 'capped').toBe(alone.state === 'capped' || expected !== alone.points);
        if (line.state !== 'capped') expect(line.state).toBe(alone.state);
        totals.set(line.type, sofar + line.points);
        sum += line.points;
      }
      expect(s.points).toBe(rb.base + sum);
    }), { numRuns: 300 });
  });
});
