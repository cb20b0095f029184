import { describe, expect, it } from 'vitest';
import { recordId, subjectId } from '../../core/brand.js';
import { replaySubject } from './expected-rows.js';

const S = subjectId('cn-rid:11010519491231002X');

describe('the auditor\'s expected rows', () => {
  it('give a corrected record its successor and the replacement its own row', () => {
    const base = { subjectKind: 'person', type: 'loan.overdue', occurredAt: 1, attributes: {}, legalBasis: 'x', furnisherId: 'bank' } as const;
    const rows = replaySubject(S, [
      { type: 'record.furnished', subjectId: S, record: { ...base, recordId: recordId('rec_3'), furnisherRef: 'a' } },
      { type: 'record.corrected', subjectId: S, recordId: recordId('rec_3'), replacement: { ...base, recordId: recordId('rec_9'), furnisherRef: 'b', occurredAt: 2 }, reason: 'date' },
    ]).recordRows;
    expect(rows.get(3)).toMatchObject({ status: 'corrected', superseded_by: 9, occurred_at: 1 });
    expect(rows.get(9)).toMatchObject({ status: 'active', superseded_by: null, occurred_at: 2, furnisher_ref: 'b' });
  });
});
