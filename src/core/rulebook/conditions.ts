import type { AttributeValue } from '../record.js';
import type { Conditions, ValueCondition } from './model.js';

/** A compiled predicate over attribute or context values. */
export type Predicate = (values: Readonly<Record<string, AttributeValue>>) => boolean;

export const always: Predicate = () => true;

function valueTest(c: ValueCondition): (v: AttributeValue | undefined) => boolean {
  const { eq, gte, gt, lte, lt } = c;
  const set = c.in ? new Set<AttributeValue>(c.in) : undefined;
  return (v) => {
    if (v === undefined) return false;
    if (eq !== undefined && v !== eq) return false;
    if (set !== undefined && !set.has(v)) return false;
    if (gte !== undefined && !(typeof v === 'number' && v >= gte)) return false;
    if (gt !== undefined && !(typeof v === 'number' && v > gt)) return false;
    if (lte !== undefined && !(typeof v === 'number' && v <= lte)) return false;
    if (lt !== undefined && !(typeof v === 'number' && v < lt)) return false;
    return true;
  };
}

/** Compiles conditions once into a closure: all must hold; a missing value fails its condition. */
export function compileConditions(when: Conditions | undefined): Predicate {
  if (!when) return always;
  const tests = Object.entries(when).map(([name, c]) => [name, valueTest(c)] as const);
  if (tests.length === 1) {
    const [name, test] = tests[0] as (typeof tests)[number];
    return (values) => test(values[name]);
  }
  return (values) => {
    for (const [name, test] of tests) if (!test(values[name])) return false;
    return true;
  };
}
