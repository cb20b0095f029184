import type { AttributeValue } from '../record.js';
import type { Conditions, ValueCondition } from './model.js';

/** A compiled predicate over attribute or context values. */
export type Predicate = (values: Readonly<Record<string, AttributeValue>>) => boolean;

export const always: Predicate = () => true;

type ValueTest = (v: AttributeValue | undefined) => boolean;

/** One closure per condition, holding only the comparisons it uses: a missing value fails every one. */
function valueTest(c: ValueCondition): ValueTest {
  const { eq, gte, gt, lte, lt } = c;
  const tests: ValueTest[] = [];
  if (eq !== undefined) tests.push((v) => v === eq);
  if (c.in) {
    const set = new Set<AttributeValue>(c.in);
    tests.push((v) => v !== undefined && set.has(v));
  }
  if (gte !== undefined) tests.push((v) => typeof v === 'number' && v >= gte);
  if (gt !== undefined) tests.push((v) => typeof v === 'number' && v > gt);
  if (lte !== undefined) tests.push((v) => typeof v === 'number' && v <= lte);
  if (lt !== undefined) tests.push((v) => typeof v === 'number' && v < lt);
  if (tests.length === 1) return tests[0] as ValueTest;
  if (tests.length === 0) return (v) => v !== undefined;
  return (v) => {
    for (const test of tests) if (!test(v)) return false;
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
