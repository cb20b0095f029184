import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordId } from '../brand.js';
import { decisionsRestingOn, noticeWindowStart, type DecisionOnRecord } from './decisions-resting-on.js';

const R = recordId('rec_7');
const d = (id: string, clientId: string, at: number, recordIds: string[]): DecisionOnRecord => ({ id, clientId, at, reasons: [{ recordIds }] });

describe('decisionsRestingOn', () => {
  it('names exactly the relying parties whose decisions in the window rested on the record', () => {
    const decisions = [
      d('dec_1', 'airline', 100, ['rec_7']),
      d('dec_2', 'railway', 150, ['rec_8']), // another record
      d('dec_3', 'hotel', 50, ['rec_7']), // before the window
      d('dec_4', 'airline', 300, ['rec_6', 'rec_7']),
      { id: 'dec_5', clientId: 'landlord', at: 200, reasons: [] }, // allowed, no reasons
      d('dec_6', 'lender', 400, ['rec_7']), // after the change
    ];
    const byClient = decisionsRestingOn(decisions, R, 60, 350);
    expect([...byClient.keys()]).toEqual(['airline']);
    expect(byClient.get('airline')?.map((x) => x.id)).toEqual(['dec_1', 'dec_4']);
  });

  it('never names a client none of whose decisions cites the record', () => {
    fc.assert(fc.property(fc.array(fc.record({
      client: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 100 }), cites: fc.boolean(),
    })), (rows) => {
      const decisions = rows.map((r, i) => d(`dec_${i}`, r.client, r.at, r.cites ? ['rec_7'] : ['rec_1']));
      const named = decisionsRestingOn(decisions, R, 0, 100);
      const expected = new Set(rows.filter((r) => r.cites).map((r) => r.client));
      expect(new Set(named.keys())).toEqual(expected);
    }));
  });
});

describe('noticeWindowStart', () => {
  it('reaches back twelve calendar months, leap day included', () => {
    expect(noticeWindowStart(Date.UTC(2026, 5, 1, 9))).toBe(Date.UTC(2025, 5, 1, 9));
    expect(noticeWindowStart(Date.UTC(2028, 1, 29))).toBe(Date.UTC(2027, 1, 28));
  });
});
