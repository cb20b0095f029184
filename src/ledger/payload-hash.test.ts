import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordId, subjectId } from '../core/brand.js';
import { recordFromFurnished } from '../core/ledger/apply-record-event.js';
import type { FurnishedRecord } from '../core/ledger/ledger-event.js';
import { furnishedRecord } from './furnished-record.js';
import { payloadHash, sameFacts } from './payload-hash.js';
import type { ValidItem } from './validate-item.js';

const S = subjectId('cn-rid:11010519491231002X');
const subject = { id: S, kind: 'person', scheme: 'cn-rid', identifier: '11010519491231002X', region: '110105' } as const;
const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());
const items = fc.record({
  attributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), scalar, { maxKeys: 5 }),
  evidenceRef: fc.option(fc.string(), { nil: undefined }),
  consent: fc.option(fc.boolean(), { nil: undefined }),
  occurredAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  legalBasis: fc.string({ minLength: 1 }),
}).map(({ evidenceRef, consent, ...rest }): ValidItem => ({
  furnisherRef: 'r-1', subject, type: 'loan.overdue', ...rest, ...(evidenceRef !== undefined ? { evidenceRef } : {}), ...(consent !== undefined ? { consent } : {}),
}));

describe('the payload hash', () => {
  it('is the same computed from an item and from its record as stored and read back', () => {
    fc.assert(fc.property(items, (item) => {
      const stored = JSON.parse(JSON.stringify(furnishedRecord(item, recordId('rec_7'), 'bank'))) as FurnishedRecord;
      const record = recordFromFurnished(S, stored);
      expect(payloadHash(record.subjectId, record)).toBe(payloadHash(item.subject.id, item));
      expect(sameFacts(S, item, record.subjectId, record)).toBe(true);
    }));
  });

  it('ignores the ref and the order of attributes, and changes with any fact', () => {
    const item: ValidItem = { furnisherRef: 'a', subject, type: 'loan.overdue', occurredAt: 1, attributes: { amount: 5, currency: 'CNY' }, legalBasis: 'x' };
    const hash = payloadHash(S, item);
    expect(payloadHash(S, { ...item, attributes: { currency: 'CNY', amount: 5 } })).toBe(hash);
    expect(sameFacts(S, item, S, { ...item, furnisherRef: 'b' } as ValidItem)).toBe(true);
    const changes: Partial<ValidItem>[] = [
      { type: 'loan.written_off' }, { occurredAt: 2 }, { legalBasis: 'y' }, { evidenceRef: 'e' }, { consent: false },
      { attributes: { amount: 6, currency: 'CNY' } }, { attributes: { amount: '5', currency: 'CNY' } },
    ];
    for (const change of changes) expect(payloadHash(S, { ...item, ...change })).not.toBe(hash);
    expect(payloadHash(subjectId('cn-rid:110101199003070000'), item)).not.toBe(hash);
  });
});
