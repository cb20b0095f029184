import { describe, expect, it } from 'vitest';
import { recordId, type Instant } from '../brand.js';
import { applyRecordEvent } from '../ledger/apply-record-event.js';
import type { SubjectEvent } from '../ledger/ledger-event.js';
import type { RecordState } from '../record.js';
import { computeStanding } from '../standing/compute-standing.js';
import { defaultCompiled, PERSON, rec } from '../../../test/support/core-fixtures.js';
import { decideDispute, type DisputeCommand } from './decide-dispute.js';
import { periodEnd } from './deadline.js';
import type { Dispute } from './dispute.js';
import { disputeStatusAt } from './dispute-status.js';
import { evolveDispute } from './evolve-dispute.js';

const rb = defaultCompiled();
const policy = rb.rulebook.disputes;
const day = 86_400_000;
/** 2026-06-01 09:00 CST, a Monday. */
const OPENED: Instant = Date.parse('2026-06-01T09:00:00+08:00');
const cst = (text: string): Instant => Date.parse(`${text}+08:00`);

/** A subject's dispute walked step by step on a simulated clock, with the record folded alongside. */
function walk(record: RecordState = rec('court.defaulter.refuses_to_perform', { occurredAt: OPENED - 30 * day })) {
  let dispute: Dispute | undefined;
  let state = record;
  const run = (command: DisputeCommand, at: Instant, by = 'someone') => {
    const event = decideDispute(dispute, command, at);
    dispute = evolveDispute(dispute, event, by);
    state = applyRecordEvent(state, event as SubjectEvent);
    return event;
  };
  return {
    open: (at = OPENED) => run({ kind: 'open', disputeId: 'dsp_9', record: state, grounds: 'I paid this court fee; it was booked to another case', evidence: [], policy }, at),
    answer: (answer: 'confirmed' | 'corrected' | 'retracted', at: Instant) =>
      run({ kind: 'answer', answer, explanation: 'checked the case file', ...(answer === 'corrected' ? { replacementId: recordId('rec_99') } : {}) }, at, 'court-a'),
    appeal: (at: Instant) => run({ kind: 'appeal', grounds: 'the court did not look at my receipt' }, at),
    decide: (outcome: 'upheld' | 'overturned', at: Instant, standing: RecordState = state) => run({ kind: 'decide', outcome, reason: 'on the file', standing }, at, 'operator-a'),
    get dispute(): Dispute { if (!dispute) throw new Error('not opened'); return dispute; },
    get record(): RecordState { return state; },
    /** The record's state in the standing at `at`, and whether it lists the subject. */
    counting: (at: Instant) => {
      const s = computeStanding({ id: PERSON, kind: 'person' }, [state], rb, at);
      return { state: s.explanation[0]?.state, listed: s.lists.some((l) => l.recordIds.includes(state.id)) };
    },
  };
}

describe('a dispute, step by step', () => {
  it('gives a court-list record 15 days and stops counting it at exactly 24:00 CST of the fifteenth day', () => {
    const w = walk();
    const opened = w.open();
    expect(opened).toMatchObject({ type: 'dispute.opened', verifyBy: cst('2026-06-17T00:00:00') });
    const deadline = cst('2026-06-17T00:00:00');
    expect(w.counting(deadline - 1)).toEqual({ state: 'counted', listed: true });
    expect(w.counting(deadline)).toEqual({ state: 'dispute_unverified', listed: false });
    expect(disputeStatusAt(w.dispute, deadline - 1)).toMatchObject({ status: 'open', awaiting: 'furnisher', overdue: false });
    expect(disputeStatusAt(w.dispute, deadline)).toMatchObject({ status: 'unverified', awaiting: 'furnisher', overdue: true });
    expect(computeStanding({ id: PERSON, kind: 'person' }, [w.record], rb, OPENED).nextChangeAt).toBe(deadline);
  });

  it('gives other records the default 20 days', () => {
    const w = walk(rec('tax.arrears', { occurredAt: OPENED - 30 * day }));
    expect(w.open().type === 'dispute.opened' && w.dispute.verifyBy).toBe(cst('2026-06-22T00:00:00'));
  });

  it('confirmed: the record counts again, even when the furnisher answers late, and the subject may appeal for 10 days', () => {
    const w = walk();
    w.open();
    const late = cst('2026-06-20T10:00:00');
    expect(w.counting(late - 1).state).toBe('dispute_unverified');
    w.answer('confirmed', late);
    expect(w.counting(late)).toEqual({ state: 'counted', listed: true });
    expect(disputeStatusAt(w.dispute, late)).toMatchObject({ status: 'confirmed', awaiting: 'subject', dueBy: cst('2026-07-01T00:00:00') });
    expect(disputeStatusAt(w.dispute, cst('2026-07-01T00:00:00'))).toMatchObject({ status: 'confirmed', awaiting: null });
  });

  it('corrected and retracted: the record stops counting when the furnisher answers (the ledger appends the change with it)', () => {
    const corrected = walk();
    corrected.open();
    expect(corrected.answer('corrected', OPENED + day)).toMatchObject({ answer: 'corrected', replacementId: 'rec_99' });
    expect(corrected.record.dispute?.closedAt).toBe(OPENED + day);
    expect(disputeStatusAt(corrected.dispute, OPENED + day).status).toBe('corrected');

    const retracted = walk();
    retracted.open();
    retracted.answer('retracted', OPENED + day);
    expect(disputeStatusAt(retracted.dispute, OPENED + day)).toMatchObject({ status: 'retracted', awaiting: null });
    expect(() => retracted.appeal(OPENED + 2 * day)).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
  });

  it('appeal upheld: the record stands, the decision is recorded with the operator', () => {
    const w = walk();
    w.open();
    w.answer('confirmed', OPENED + 2 * day);
    w.appeal(OPENED + 5 * day);
    expect(disputeStatusAt(w.dispute, OPENED + 5 * day)).toMatchObject({ status: 'appealed', awaiting: 'operator', dueBy: cst('2026-06-22T00:00:00') });
    expect(disputeStatusAt(w.dispute, cst('2026-06-22T00:00:00')).overdue).toBe(true);
    const decided = w.decide('upheld', OPENED + 9 * day);
    expect(decided).not.toHaveProperty('removedRecordId');
    expect(w.dispute.decision).toMatchObject({ outcome: 'upheld', by: 'operator-a' });
    expect(w.counting(OPENED + 9 * day).state).toBe('counted');
  });

  it('appeal overturned: the record the furnisher left standing is removed', () => {
    const w = walk();
    w.open();
    w.answer('confirmed', OPENED + 2 * day);
    w.appeal(OPENED + 5 * day);
    expect(w.decide('overturned', OPENED + 9 * day)).toMatchObject({ outcome: 'overturned', removedRecordId: w.record.id });
    expect(disputeStatusAt(w.dispute, OPENED + 9 * day).status).toBe('overturned');
  });

  it('refuses steps out of order and an appeal after its window', () => {
    const w = walk();
    w.open();
    expect(() => w.appeal(OPENED + day)).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
    expect(() => w.decide('upheld', OPENED + day)).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
    expect(() => w.open(OPENED + day)).toThrow(expect.objectContaining({ code: 'dispute_open' }));
    w.answer('confirmed', OPENED + day);
    expect(() => w.answer('retracted', OPENED + 2 * day)).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
    const closes = periodEnd(OPENED + day, { days: 10, workingDays: false });
    expect(() => w.appeal(closes)).toThrow(expect.objectContaining({ code: 'deadline_passed' }));
    w.appeal(closes - 1);
    w.decide('upheld', closes);
    expect(() => w.decide('overturned', closes + 1)).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
  });

  it('refuses a dispute of a record already corrected or retracted, and blank grounds', () => {
    const gone = walk(rec('court.defaulter.refuses_to_perform', { status: 'retracted' }));
    expect(() => gone.open()).toThrow(expect.objectContaining({ code: 'record_not_active' }));
    const w = walk();
    expect(() => decideDispute(undefined, { kind: 'open', disputeId: 'dsp_1', record: w.record, grounds: '  ', evidence: [], policy }, OPENED))
      .toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it('lets the subject dispute again once the furnisher has answered', () => {
    const w = walk();
    w.open();
    w.answer('confirmed', OPENED + day);
    const again = decideDispute(undefined, { kind: 'open', disputeId: 'dsp_12', record: w.record, grounds: 'new evidence', evidence: [], policy }, OPENED + 20 * day);
    expect(applyRecordEvent(w.record, again).dispute).toEqual({ openedAt: OPENED + 20 * day, verifyBy: again.type === 'dispute.opened' ? again.verifyBy : 0 });
  });
});
