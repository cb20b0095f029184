import { describe, expect, it } from 'vitest';
import { assignSlots, bothSlots, type HeadRow } from './slots.js';
import type { StoredStanding } from './rows.js';
import { subjectId } from '../core/brand.js';

const head = (slotA: string | null, slotB: string | null): HeadRow => ({ nextSeq: 1, currentRulebook: slotA, stagingRulebook: slotB, slotA, slotB });
const standing = (version: string, nextChangeAt: number | null): StoredStanding => ({
  subjectId: subjectId('cn-rid:x'), subjectKind: 'person', at: 0, rulebookVersion: version, points: 1000, grade: 'A', lists: [], measureKeys: [], nextChangeAt,
});

describe('standing slots', () => {
  it('keeps the current version in its slot and gives a new staging version the other one', () => {
    expect(assignSlots(head(null, null), 'v1', null)).toEqual({ slotA: 'v1', slotB: null });
    expect(assignSlots(head('v1', null), 'v1', 'v2')).toEqual({ slotA: 'v1', slotB: 'v2' });
    // The flip: v2 becomes current where it already is; v1 leaves its slot.
    expect(assignSlots(head('v1', 'v2'), 'v2', null)).toEqual({ slotA: null, slotB: 'v2' });
    expect(assignSlots(head(null, 'v2'), 'v2', 'v3')).toEqual({ slotA: 'v3', slotB: 'v2' });
    // An abandoned staging version is replaced by the next one.
    expect(assignSlots(head('v1', 'v2'), 'v1', 'v3')).toEqual({ slotA: 'v1', slotB: 'v3' });
  });

  it('writes both slots at once only when every version in use has a standing, with the earliest next change', () => {
    expect(bothSlots(head('v1', 'v2'), [standing('v1', 50)])).toBeUndefined();
    expect(bothSlots(head('v1', 'v2'), [standing('v2', 20), standing('v1', 50)])?.at(-1)).toBe(20);
    expect(bothSlots(head('v1', 'v2'), [standing('v2', null), standing('v1', 50)])?.at(-1)).toBe(50);
    const single = bothSlots(head(null, 'v2'), [standing('v2', null)]);
    expect(single?.slice(0, 7)).toEqual([null, null, null, null, null, null, null]);
    expect(single?.at(-1)).toBeNull();
  });
});
