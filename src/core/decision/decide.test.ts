import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { computeStanding } from '../standing/compute-standing.js';
import { defaultCompiled, day, PERSON, ORG, rec, T0 } from '../../../test/support/core-fixtures.js';
import { CredenceError } from '../errors.js';
import { GRADES, type ContextField, type Measure } from '../rulebook/model.js';
import type { Standing } from '../standing/model.js';
import type { CheckContext } from './model.js';
import type { SubjectKind } from '../subject.js';

const rb = defaultCompiled();
const person = { id: PERSON, kind: 'person' as const };
const defaulter = computeStanding(person, [rec('court.defaulter.refuses_to_perform')], rb, T0 + day);
const clean = computeStanding(person, [], rb, T0 + day);

describe('decisions at the counter', () => {
  it('denies a listed defaulter a flight, citing the listing, its records and the legal basis', () => {
    const d = decide(defaulter, rb, 'aviation.ticket.purchase', { cabin: 'economy' });
    expect(d.outcome).toBe('deny');
    const reason = d.reasons.find((r) => r.measureId === 'restrict-flights');
    expect(reason?.listId).toBeDefined();
    expect(reason?.recordIds).toEqual(defaulter.lists.find((l) => l.listId === reason?.listId)?.recordIds);
    expect(reason?.legalBasis).toMatch(/Art\. 3/);
    expect(d.rulebookVersion).toBe(rb.version);
    expect(decide(clean, rb, 'aviation.ticket.purchase', { cabin: 'economy' }).outcome).toBe('allow');
  });

  it('lets a listed defaulter buy a D-train second-class seat but no G-train seat and no D-train first class', () => {
    expect(decide(defaulter, rb, 'rail.ticket.purchase', { trainType: 'D', seatClass: 'second' }).outcome).toBe('allow');
    expect(decide(defaulter, rb, 'rail.ticket.purchase', { trainType: 'G', seatClass: 'second' }).outcome).toBe('deny');
    expect(decide(defaulter, rb, 'rail.ticket.purchase', { trainType: 'D', seatClass: 'first' }).outcome).toBe('deny');
    expect(decide(defaulter, rb, 'rail.ticket.purchase', { trainType: 'K', seatClass: 'hard_seat' }).outcome).toBe('allow');
    expect(decide(defaulter, rb, 'rail.ticket.purchase', { trainType: 'K', seatClass: 'soft_sleeper' }).outcome).toBe('deny');
  });

  it('lets a defaulter who paid fly again', () => {
    const paid = rec('court.defaulter.refuses_to_perform', { status: 'fulfilled', fulfilledAt: T0 + 2 * day });
    const s = computeStanding(person, [paid], rb, T0 + 2 * day);
    expect(decide(s, rb, 'aviation.ticket.purchase', {}).outcome).toBe('allow');
  });

  it('refuses to decide on an unknown action or a context it does not know', () => {
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e; } return undefined; };
    const unknown = err(() => decide(clean, rb, 'aviation.ticket.teleport', {}));
    expect(unknown).toBeInstanceOf(CredenceError);
    expect((unknown as CredenceError).code).toBe('unknown_action');
    const badField = err(() => decide(clean, rb, 'rail.ticket.purchase', { trainType: 'G', seatClass: 'second', meal: true }));
    expect((badField as CredenceError).code).toBe('invalid_context');
    expect((badField as CredenceError).message).toContain('meal');
    const badValue = err(() => decide(clean, rb, 'rail.ticket.purchase', { trainType: 'X', seatClass: 'second' }));
    expect((badValue as CredenceError).message).toMatch(/trainType must be one of G, D/);
    const missing = err(() => decide(clean, rb, 'rail.ticket.purchase', { trainType: 'G' }));
    expect((missing as CredenceError).message).toContain('seatClass');
  });

  it('triggers every measure of the default rulebook under its own conditions, and not without them', () => {
    for (const m of rb.rulebook.measures) {
      const kind: SubjectKind = m.when.subjects?.[0] ?? (m.when.list && !rb.rulebook.lists.find((l) => l.id === m.when.list)?.subjects.includes('person') ? 'organization' : 'person');
      const context = contextFor(m);
      const on = syntheticStanding(m, kind, true);
      const d = decide(on, rb, m.action, context);
      expect(d.reasons.map((r) => r.measureId), m.id).toContain(m.id);
      expect(d.outcome, m.id).toBe(m.effect === 'deny' ? 'deny' : 'allow');
      if (m.effect === 'benefit') expect(d.benefits, m.id).toContain(m.benefit);
      const off = syntheticStanding(m, kind, false);
      expect(decide(off, rb, m.action, context).reasons.map((r) => r.measureId), m.id).not.toContain(m.id);
    }
  });
});

/** A standing that meets (or, with `on` false, misses) the measure's list or grade trigger. */
function syntheticStanding(m: Measure, kind: SubjectKind, on: boolean): Standing {
  const grade = m.when.grades ? (on ? m.when.grades[0] : GRADES.find((g) => !m.when.grades?.includes(g))) : 'A';
  const lists = on && m.when.list ? [{ listId: m.when.list, kind: 'black' as const, since: T0, until: null, recordIds: [] }] : [];
  return { ...clean, subjectId: kind === 'person' ? PERSON : ORG, subjectKind: kind, grade: grade ?? 'A', lists };
}

/** A context inside the measure's conditions, filling other required fields with valid values. */
function contextFor(m: Measure): CheckContext {
  const action = rb.rulebook.actions.find((a) => a.id === m.action);
  const out: Record<string, string | number | boolean> = {};
  for (const [name, field] of Object.entries(action?.context ?? {}) as [string, ContextField][]) {
    const cond = m.when.context?.[name];
    if (cond) {
      out[name] = cond.eq ?? cond.in?.[0] ?? cond.gte ?? (cond.gt !== undefined ? cond.gt + 1 : undefined) ?? cond.lte ?? (cond.lt !== undefined ? cond.lt - 1 : 0);
    } else if (field.required) {
      out[name] = field.type === 'enum' ? (field.values?.[0] ?? '') : field.type === 'number' ? 0 : false;
    }
  }
  return out;
}
