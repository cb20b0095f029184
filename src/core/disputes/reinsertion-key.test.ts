import { describe, expect, it } from 'vitest';
import { rec } from '../../../test/support/core-fixtures.js';
import { reinsertionKey, removedAfterDispute } from './reinsertion-key.js';

describe('reinsertionKey', () => {
  it('is the type and case number, whatever else differs', () => {
    const a = rec('court.defaulter.refuses_to_perform', { attributes: { caseNumber: '(2026)京0105执77号', amount: 50_000 } });
    const b = rec('court.defaulter.refuses_to_perform', { occurredAt: a.occurredAt + 1, attributes: { caseNumber: ' (2026)京0105执77号', amount: 10 } });
    expect(reinsertionKey(b)).toBe(reinsertionKey(a));
    expect(reinsertionKey(rec('court.defaulter.refuses_to_perform', { attributes: { caseNumber: '(2026)京0105执78号' } }))).not.toBe(reinsertionKey(a));
    expect(reinsertionKey(rec('court.consumption_restriction', { attributes: { caseNumber: '(2026)京0105执77号' } }))).not.toBe(reinsertionKey(a));
  });

  it('falls back to when it occurred for types without a case number', () => {
    const a = rec('tax.arrears');
    expect(reinsertionKey({ ...a, attributes: { ...a.attributes } })).toBe(reinsertionKey(a));
    expect(reinsertionKey({ ...a, occurredAt: a.occurredAt + 1 })).not.toBe(reinsertionKey(a));
  });
});

describe('removedAfterDispute', () => {
  it('holds for corrected or retracted records that were disputed, only', () => {
    const dispute = { openedAt: 1, verifyBy: 2, closedAt: 2 };
    expect(removedAfterDispute(rec('tax.arrears', { status: 'retracted', dispute }))).toBe(true);
    expect(removedAfterDispute(rec('tax.arrears', { status: 'corrected', dispute }))).toBe(true);
    expect(removedAfterDispute(rec('tax.arrears', { status: 'retracted' }))).toBe(false);
    expect(removedAfterDispute(rec('tax.arrears', { status: 'active', dispute }))).toBe(false);
  });
});
