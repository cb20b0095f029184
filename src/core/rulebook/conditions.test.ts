import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileConditions } from './conditions.js';
import type { AttributeValue } from '../record.js';
import type { Conditions, ValueCondition } from './model.js';

/** The meaning of a condition, written plainly: every comparison it states must hold, and a missing value fails. */
function holds(c: ValueCondition, v: AttributeValue | undefined): boolean {
  if (v === undefined) return false;
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.in !== undefined && !c.in.some((x) => x === v)) return false;
  const n = typeof v === 'number' ? v : undefined;
  if (c.gte !== undefined && !(n !== undefined && n >= c.gte)) return false;
  if (c.gt !== undefined && !(n !== undefined && n > c.gt)) return false;
  if (c.lte !== undefined && !(n !== undefined && n <= c.lte)) return false;
  if (c.lt !== undefined && !(n !== undefined && n < c.lt)) return false;
  return true;
}

const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'c'), fc.boolean());
const small = fc.integer({ min: -3, max: 3 });
const inList = fc.array(fc.oneof(small, fc.constantFrom('a', 'b')), { maxLength: 3 });
// Rulebooks mostly state one comparison per attribute; combinations are drawn too.
const condition: fc.Arbitrary<ValueCondition> = fc.oneof(
  value.map((eq) => ({ eq })), inList.map((xs) => ({ in: xs })),
  small.map((gte) => ({ gte })), small.map((gt) => ({ gt })), small.map((lte) => ({ lte })), small.map((lt) => ({ lt })),
  fc.record({ eq: value, in: inList, gte: small, gt: small, lte: small, lt: small }, { requiredKeys: [] }),
);

describe('compiled conditions', () => {
  it('hold exactly when every stated comparison holds on a present value', () => {
    fc.assert(fc.property(
      fc.dictionary(fc.constantFrom('x', 'y', 'z'), condition, { maxKeys: 3 }),
      fc.dictionary(fc.constantFrom('x', 'y', 'z', 'w'), value, { maxKeys: 4 }),
      (when: Conditions, values: Record<string, AttributeValue>) => {
        const expected = Object.entries(when).every(([name, c]) => holds(c, values[name]));
        expect(compileConditions(when)(values)).toBe(expected);
      }), { numRuns: 3000 });
  });

  it('treats a missing attribute as failing even a bare condition, and no conditions as always true', () => {
    expect(compileConditions({ amount: {} })({})).toBe(false);
    expect(compileConditions({ amount: {} })({ amount: 0 })).toBe(true);
    expect(compileConditions(undefined)({})).toBe(true);
    expect(compileConditions({ mode: { in: ['rail', 'air'] } })({ mode: 'road' })).toBe(false);
  });
});
