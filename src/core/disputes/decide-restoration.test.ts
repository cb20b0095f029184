import { describe, expect, it } from 'vitest';
import { addDuration } from '../duration.js';
import { computeStanding } from '../standing/compute-standing.js';
import { defaultCompiled, ORG, rec, T0 } from '../../../test/support/core-fixtures.js';
import { decideRestoration } from './decide-restoration.js';
import { evolveRestoration } from './restoration.js';

const rb = defaultCompiled();
const org = { id: ORG, kind: 'organization' as const };
const months = (n: number) => addDuration(T0, { years: 0, months: n, days: 0 });
const penalty = rec('reg.environment_violation', { subjectId: ORG, attributes: { severity: 'serious' } });
const apply = (at: number, listId = 'admin-penalty-publicity', pending = false) => decideRestoration(undefined, {
  kind: 'apply', restorationId: 'rst_5', record: penalty, listId, grounds: 'fine paid, plant fixed', standing: computeStanding(org, [penalty], rb, at), rulebook: rb, pending,
}, at);

describe('early restoration', () => {
  it('may be applied for from the publicity minimum (3 months here), not before', () => {
    expect(() => apply(months(3) - 1)).toThrow(expect.objectContaining({ code: 'restoration_not_available', details: { earliest: months(3) } }));
    expect(apply(months(3))).toMatchObject({ type: 'restoration.applied', recordId: penalty.id, listId: 'admin-penalty-publicity', appliedAt: months(3) });
  });

  it('is not available for a list the record does not put the subject on, or while an application is pending', () => {
    expect(() => apply(months(4), 'bid-rigging-violators')).toThrow(expect.objectContaining({ code: 'restoration_not_available' }));
    expect(() => apply(months(4), 'admin-penalty-publicity', true)).toThrow(/waiting/);
  });

  it('is decided once, by the operator', () => {
    const applied = apply(months(4));
    const state = evolveRestoration(undefined, applied, ORG);
    const granted = decideRestoration(state, { kind: 'decide', outcome: 'granted', reason: 'rectified' }, months(5));
    const decided = evolveRestoration(state, granted, 'operator-a');
    expect(decided.decision).toEqual({ outcome: 'granted', reason: 'rectified', at: months(5), by: 'operator-a' });
    expect(() => decideRestoration(decided, { kind: 'decide', outcome: 'refused', reason: 'x' }, months(6))).toThrow(expect.objectContaining({ code: 'step_not_allowed' }));
  });
});
