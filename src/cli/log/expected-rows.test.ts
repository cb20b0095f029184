import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordId, subjectId } from '../../core/brand.js';
import type { FurnishedRecord } from '../../core/ledger/ledger-event.js';
import { payloadHash } from '../../ledger/payload-hash.js';
import { payloadHashOf, replaySubject } from './expected-rows.js';

const S = subjectId('cn-rid:11010519491231002X');
const subject = { id: S, kind: 'person', scheme: 'cn-rid', identifier: '11010519491231002X', region: '110105' } as const;

describe('the auditor\'s expected rows', () => {
  it('recompute the ledger\'s payload hash from the furnished record alone', () => {
    const attributes = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 5 });
    fc.assert(fc.property(attributes, fc.option(fc.string(), { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }), (attrs, evidenceRef, consent) => {
      const r: FurnishedRecord = {
        recordId: recordId('rec_1'), subjectKind: 'person', type: 'loan.overdue', occurredAt: 1_700_000_000_000, attributes: attrs, legalBasis: 'Art. 16',
        ...(evidenceRef !== undefined ? { evidenceRef } : {}), furnisherId: 'bank', furnisherRef: 'r', ...(consent !== undefined ? { consent } : {}),
      };
      expect(payloadHashOf(S, r)).toBe(payloadHash({ ...r, subject }));
    }));
  });

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
