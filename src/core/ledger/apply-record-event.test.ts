import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordId, subjectId } from '../brand.js';
import { applyRecordEvent, foldRecords } from './apply-record-event.js';
import type { FurnishedRecord, SubjectEvent } from './ledger-event.js';

const S = subjectId('cn-rid:11010519491231002X');
const furnished = (id: string, over: Partial<FurnishedRecord> = {}): FurnishedRecord => ({
  recordId: recordId(id), subjectKind: 'person', type: 'court.defaulter.refuses_to_perform', occurredAt: 1_000,
  attributes: { amount: 5 }, legalBasis: 'Art. 1', furnisherId: 'court-1', furnisherRef: `ref-${id}`, ...over,
});
const furnish = (id: string): SubjectEvent => ({ type: 'record.furnished', subjectId: S, record: furnished(id) });

describe('applyRecordEvent', () => {
  it('walks a record through its life: furnished, disputed, verified, fulfilled', () => {
    let state = applyRecordEvent(undefined, furnish('rec_1'));
    expect(state).toMatchObject({ id: 'rec_1', subjectId: S, status: 'active', furnisherRef: 'ref-rec_1' });
    const about = { subjectId: S, recordId: recordId('rec_1'), disputeId: 'dsp_2' };
    state = applyRecordEvent(state, { type: 'dispute.opened', ...about, openedAt: 2_000, verifyBy: 9_000, grounds: 'not me', evidence: [] });
    expect(() => applyRecordEvent(state, { type: 'dispute.opened', ...about, openedAt: 2_500, verifyBy: 9_000, grounds: 'again', evidence: [] })).toThrow(/open dispute/);
    state = applyRecordEvent(state, { type: 'dispute.answered', ...about, answer: 'confirmed', explanation: 'checked', answeredAt: 3_000, appealBy: 8_000 });
    expect(state.dispute).toEqual({ openedAt: 2_000, verifyBy: 9_000, verifiedAt: 3_000, closedAt: 3_000 });
    state = applyRecordEvent(state, { type: 'dispute.appealed', ...about, grounds: 'still not me', appealedAt: 3_500, decideBy: 9_500 });
    state = applyRecordEvent(state, { type: 'dispute.decided', ...about, outcome: 'upheld', reason: 'the court file shows it', decidedAt: 3_600 });
    expect(state.dispute).toEqual({ openedAt: 2_000, verifyBy: 9_000, verifiedAt: 3_000, closedAt: 3_000 });
    state = applyRecordEvent(state, { type: 'record.fulfilled', subjectId: S, recordId: recordId('rec_1'), fulfilledAt: 4_000 });
    expect(state).toMatchObject({ status: 'fulfilled', fulfilledAt: 4_000 });
  });

  it('ends publicity listings only on a granted restoration, and leaves a refused one without trace on the record', () => {
    const about = { subjectId: S, recordId: recordId('rec_1'), restorationId: 'rst_2', listId: 'admin-penalty-publicity' };
    const listed = applyRecordEvent(undefined, furnish('rec_1'));
    const applied = applyRecordEvent(listed, { type: 'restoration.applied', ...about, grounds: 'penalty paid', appliedAt: 2_000, decideBy: 9_000 });
    expect(applyRecordEvent(applied, { type: 'restoration.decided', ...about, outcome: 'refused', reason: 'too early', decidedAt: 3_000 })).toEqual(listed);
    expect(applyRecordEvent(applied, { type: 'restoration.decided', ...about, outcome: 'granted', reason: 'corrected', decidedAt: 3_000 }).restoredAt).toBe(3_000);
  });

  it('refuses event streams no ledger writes: a second furnishing, a change to an unknown or other record', () => {
    const state = applyRecordEvent(undefined, furnish('rec_1'));
    expect(() => applyRecordEvent(state, furnish('rec_1'))).toThrow(/twice/);
    expect(() => applyRecordEvent(undefined, { type: 'record.retracted', subjectId: S, recordId: recordId('rec_1'), reason: 'x' })).toThrow(/unknown/);
    expect(() => applyRecordEvent(state, { type: 'record.retracted', subjectId: S, recordId: recordId('rec_2'), reason: 'x' })).toThrow();
  });
});

describe('foldRecords', () => {
  it('adds the replacement of a corrected record and marks the old one corrected', () => {
    const records = foldRecords([
      furnish('rec_1'),
      { type: 'record.corrected', subjectId: S, recordId: recordId('rec_1'), replacement: furnished('rec_2', { type: 'court.civil.breach_of_contract' }), reason: 'wrong type' },
    ]);
    expect([...records.values()].map((r) => [r.id, r.status, r.type])).toEqual([
      ['rec_1', 'corrected', 'court.defaulter.refuses_to_perform'],
      ['rec_2', 'active', 'court.civil.breach_of_contract'],
    ]);
  });

  it('ends with the status of the last lifecycle event of each record, whatever the interleaving', () => {
    const lifecycle = fc.constantFrom('record.fulfilled', 'record.retracted');
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), lifecycle), { maxLength: 10 }), (changes) => {
      const events: SubjectEvent[] = [furnish('rec_1'), furnish('rec_2'), furnish('rec_3')];
      for (const [n, type] of changes) {
        const id = recordId(`rec_${n}`);
        events.push(type === 'record.fulfilled'
          ? { type, subjectId: S, recordId: id, fulfilledAt: 5_000 }
          : { type, subjectId: S, recordId: id, reason: 'x' });
      }
      const records = foldRecords(events);
      for (const n of [1, 2, 3]) {
        const last = changes.filter(([m]) => m === n).at(-1)?.[1];
        const expected = last === undefined ? 'active' : last === 'record.fulfilled' ? 'fulfilled' : 'retracted';
        expect(records.get(recordId(`rec_${n}`))?.status).toBe(expected);
      }
    }));
  });
});
