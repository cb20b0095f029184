import { describe, expect, it } from 'vitest';
import { computeStanding } from './compute-standing.js';
import { addDuration } from '../duration.js';
import { compileRulebook } from '../rulebook/compile-rulebook.js';
import { defaultCompiled, day, loadDefaultRulebook, ORG, rec, T0 } from '../../../test/support/core-fixtures.js';
import type { RecordState } from '../record.js';

const org = { id: ORG, kind: 'organization' as const };
const penalty = (over: Partial<RecordState> = {}): RecordState =>
  rec('reg.environment_violation', { subjectId: ORG, attributes: { severity: 'serious' }, ...over });
const listed = (records: readonly RecordState[], at: number, rb = defaultCompiled()): boolean =>
  computeStanding(org, records, rb, at).lists.some((l) => l.listId === 'admin-penalty-publicity');
const years = (n: number) => ({ years: n, months: 0, days: 0 });

describe('publicity listings', () => {
  it('are removed at the publicity maximum even when the list term is longer', () => {
    const base = loadDefaultRulebook();
    const longer = compileRulebook({ ...base, lists: base.lists.map((l) => (l.id === 'admin-penalty-publicity' ? { ...l, term: years(5) } : l)) });
    const maximum = addDuration(T0, years(3));
    const r = penalty();
    expect(listed([r], maximum - 1, longer)).toBe(true);
    expect(listed([r], maximum, longer)).toBe(false);
    expect(computeStanding(org, [r], longer, T0 + day).lists.find((l) => l.listId === 'admin-penalty-publicity')?.until).toBe(maximum);
  });

  it('end at the instant an early restoration is granted, and the record keeps its points', () => {
    const grantedAt = addDuration(T0, { years: 0, months: 4, days: 0 });
    const before = penalty();
    const after = { ...before, restoredAt: grantedAt };
    expect(listed([after], grantedAt - 1)).toBe(true);
    expect(listed([after], grantedAt)).toBe(false);
    expect(computeStanding(org, [after], defaultCompiled(), grantedAt - 1).nextChangeAt).toBe(grantedAt);
    expect(computeStanding(org, [after], defaultCompiled(), grantedAt + day).points).toBe(computeStanding(org, [before], defaultCompiled(), grantedAt + day).points);
  });

  it('leave lists without publicity to their own terms when a restoration is granted', () => {
    const defaulter = rec('court.defaulter.refuses_to_perform', { subjectId: ORG, restoredAt: T0 + day });
    const lists = computeStanding(org, [defaulter], defaultCompiled(), T0 + 2 * day).lists.map((l) => l.listId);
    expect(lists).toContain('judgment-defaulters');
  });
});
