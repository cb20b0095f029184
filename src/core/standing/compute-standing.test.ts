import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStanding } from './compute-standing.js';
import { decide } from '../decision/decide.js';
import { addDuration } from '../duration.js';
import { defaultCompiled, day, ORG, OTHER_PERSON, PERSON, rec, T0 } from '../../../test/support/core-fixtures.js';
import type { RecordState } from '../record.js';

const rb = defaultCompiled();
const person = { id: PERSON, kind: 'person' as const };
const standing = (records: readonly RecordState[], at: number) => computeStanding(person, records, rb, at);
const listIds = (records: readonly RecordState[], at: number) => standing(records, at).lists.map((l) => l.listId).sort();

describe('standing under the default rulebook', () => {
  it('gives a clean file the base points and its grade band', () => {
    const s = standing([], T0);
    expect(s.points).toBe(1000);
    expect(s.grade).toBe('A');
    expect(s.lists).toEqual([]);
    expect(s.nextChangeAt).toBeNull();
  });

  it('lists a defaulter, explains the deduction and says when it will change', () => {
    const r = rec('court.defaulter.refuses_to_perform');
    const s = standing([r], T0 + day);
    expect(s.lists.map((l) => l.listId)).toContain('judgment-defaulters');
    const listing = s.lists.find((l) => l.listId === 'judgment-defaulters');
    expect(listing?.since).toBe(T0);
    expect(listing?.until).toBe(addDuration(T0, { years: 2, months: 0, days: 0 }));
    expect(listing?.recordIds).toEqual([r.id]);
    const line = s.explanation[0];
    expect(line?.ruleId).toBe('defaulter-refuses');
    expect(line?.state).toBe('counted');
    expect(s.points).toBe(1000 + (line?.points ?? 0));
    expect(line?.points).toBeLessThan(0);
    expect(s.measures.some((m) => m.measureId === 'restrict-flights')).toBe(true);
    expect(s.nextChangeAt).toBe(listing?.until);
  });

  it('ends a listing at the exact instant its term ends, and extends it by the court-ordered years', () => {
    const r = rec('court.defaulter.refuses_to_perform');
    const end = addDuration(T0, { years: 2, months: 0, days: 0 });
    expect(listIds([r], end - 1)).toContain('judgment-defaulters');
    expect(listIds([r], end)).not.toContain('judgment-defaulters');
    const extended = rec('court.defaulter.refuses_to_perform', { attributes: { extensionYears: 3 } });
    const extendedEnd = addDuration(T0, { years: 5, months: 0, days: 0 });
    expect(listIds([extended], extendedEnd - 1)).toContain('judgment-defaulters');
    expect(listIds([extended], extendedEnd)).not.toContain('judgment-defaulters');
  });

  it('lifts a listing at the exact instant of fulfilment', () => {
    const paid = T0 + 30 * day;
    const r = rec('court.defaulter.refuses_to_perform', { status: 'fulfilled', fulfilledAt: paid });
    expect(listIds([r], paid - 1)).toContain('judgment-defaulters');
    expect(listIds([r], paid)).toEqual([]);
    expect(standing([r], paid).explanation[0]?.state).toBe('fulfilled');
    expect(standing([r], paid - 1).nextChangeAt).toBe(paid);
  });

  it('lets records expire at the end of their term', () => {
    const r = rec('admin.public_order_penalty', { attributes: { offence: 'littering', fineAmount: 50 } });
    const line = standing([r], T0).explanation[0];
    expect(line?.ruleId).toBe('public-order-littering');
    const until = line?.until ?? 0;
    expect(standing([r], until - 1).points).toBe(1000 + (line?.points ?? 0));
    expect(standing([r], until).points).toBe(1000);
    expect(standing([r], until).explanation[0]?.state).toBe('expired');
  });

  it('does not count retracted, corrected or consent-less records', () => {
    const retracted = rec('court.defaulter.refuses_to_perform', { status: 'retracted' });
    const corrected = rec('loan.default', { status: 'corrected' });
    const noConsent = rec('civic.volunteer_service', { consent: false });
    const s = standing([retracted, corrected, noConsent], T0 + day);
    expect(s.points).toBe(1000);
    expect(s.lists).toEqual([]);
    expect(s.explanation.map((l) => l.state).sort()).toEqual(['corrected', 'no_consent', 'retracted']);
    const consented = rec('civic.volunteer_service', { consent: true });
    expect(standing([consented], T0 + day).points).toBeGreaterThan(1000);
  });

  it('stops counting an unverified disputed record at the exact deadline, and again once verified', () => {
    const verifyBy = T0 + 20 * day;
    const open = rec('court.defaulter.refuses_to_perform', { dispute: { openedAt: T0 + day, verifyBy } });
    expect(listIds([open], verifyBy - 1)).toContain('judgment-defaulters');
    expect(standing([open], verifyBy - 1).nextChangeAt).toBe(verifyBy);
    expect(listIds([open], verifyBy)).toEqual([]);
    expect(standing([open], verifyBy).explanation[0]?.state).toBe('dispute_unverified');
    const verified = { ...open, dispute: { openedAt: T0 + day, verifyBy, verifiedAt: verifyBy + day } };
    expect(listIds([verified], verifyBy + day)).toContain('judgment-defaulters');
  });

  it('caps the points one record type can move', () => {
    const overdue = (n: number) => rec('loan.overdue', { attributes: { daysOverdue: 35, cycles: 1, amount: 1000 }, occurredAt: T0 + n * day });
    const many = Array.from({ length: 30 }, (_, i) => overdue(i));
    const s = standing(many, T0 + 40 * day);
    const rule = rb.rulebook.rules.find((r) => r.id === s.explanation[0]?.ruleId);
    expect(rule?.cap).toBeDefined();
    expect(s.points).toBe(1000 + (rule?.cap ?? 0));
    expect(s.explanation.some((l) => l.state === 'capped')).toBe(true);
  });

  it('is independent of the order of the records', () => {
    const pool = [
      rec('court.defaulter.refuses_to_perform', { occurredAt: T0 - 100 * day }),
      rec('loan.overdue', { occurredAt: T0 - 50 * day }),
      rec('loan.overdue', { occurredAt: T0 - 50 * day }),
      rec('tax.arrears', { occurredAt: T0 - 400 * day }),
      rec('civic.volunteer_service', { consent: true, occurredAt: T0 - 10 * day }),
      rec('admin.traffic_penalty', { occurredAt: T0 - 3 * day }),
      rec('loan.default', { status: 'fulfilled', fulfilledAt: T0 - day, occurredAt: T0 - 200 * day }),
    ];
    fc.assert(fc.property(fc.shuffledSubarray(pool, { minLength: 0, maxLength: pool.length }), fc.integer({ min: 0, max: 800 }), (subset, d) => {
      const at = T0 - 300 * day + d * day;
      const reversed = [...subset].reverse();
      expect(standing(reversed, at)).toEqual(standing(subset, at));
    }), { numRuns: 300 });
  });

  it('never lets a record of another subject change this subject’s standing', () => {
    const mine = [rec('loan.overdue')];
    const theirs = [rec('court.defaulter.refuses_to_perform', { subjectId: OTHER_PERSON }), rec('loan.default', { subjectId: OTHER_PERSON })];
    expect(standing([...mine, ...theirs], T0 + day)).toEqual(standing(mine, T0 + day));
  });

  it('applies grade-based red lists and incentives', () => {
    const many = ['civic.volunteer_service', 'civic.commendation', 'loan.ontime_history', 'court.judgment.performed'].flatMap((t) =>
      [0, 1, 2].map((i) => rec(t, { consent: true, occurredAt: T0 - i * day })));
    const s = standing(many, T0 + day);
    expect(s.points).toBeGreaterThanOrEqual(1050);
    expect(s.grade).toBe('AAA');
    expect(s.lists.map((l) => l.listId)).toContain('honor-aaa');
    const d = decide(s, rb, 'rental.deposit', {});
    expect(d.outcome).toBe('allow');
    expect(d.benefits).toContain('deposit-waived');
  });

  it('lists organizations on enterprise lists and never persons on them', () => {
    const org = { id: ORG, kind: 'organization' as const };
    const r = rec('reg.work_safety_violation', { subjectId: ORG, attributes: { severity: 'major' } });
    const s = computeStanding(org, [r], rb, T0 + day);
    expect(s.lists.map((l) => l.listId)).toContain('serious-violators-enterprise');
    expect(decide(s, rb, 'procurement.bid', {}).outcome).toBe('deny');
  });
});
