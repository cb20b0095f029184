import type { Instant, RecordId, SubjectId } from '../brand.js';
import type { RecordState } from '../record.js';
import type { SubjectKind } from '../subject.js';
import { GRADES, type Grade } from '../rulebook/model.js';
import { gradeFor, type CompiledRulebook, type CompiledRule, type CompiledType } from '../rulebook/compile-rulebook.js';
import type { CountingState, ExplanationLine, ListMembership, MeasureInForce, Standing } from './model.js';

export interface SubjectRef {
  readonly id: SubjectId;
  readonly kind: SubjectKind;
}

interface Membership { since: number; until: number; recordIds: RecordId[] }

/** The earlier of `next` and `t`, counting only instants after `at` (a plain function: no closure per call). */
function soonest(next: number, t: number, at: number): number {
  return t > at && t < next ? t : next;
}

const byOccurrence = (a: RecordState, b: RecordState): number => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * standing(records, rulebook, at): points from the base plus each counting record's first matching
 * rule (per-type caps applied in order of occurrence), the grade band, the lists the records and the
 * grade put the subject on, the measures those trigger, and when any of it changes by itself.
 * Pure and independent of the order of `records`; only this subject's records are read.
 */
export function computeStanding(subject: SubjectRef, records: readonly RecordState[], rb: CompiledRulebook, at: Instant): Standing {
  // Stores hand records over in occurrence order; a copy is sorted only when they are not.
  return rateInOrder(subject, records, rb, at) ?? (rateInOrder(subject, [...records].sort(byOccurrence), rb, at) as Standing);
}

/** The standing, or undefined as soon as a record is found out of occurrence order (checked in the same pass). */
function rateInOrder(subject: SubjectRef, ordered: readonly RecordState[], rb: CompiledRulebook, at: Instant): Standing | undefined {
  const explanation: ExplanationLine[] = [];
  // Most subjects are on no list and reach no cap: both are made only when first needed.
  let memberships: (Membership | undefined)[] | undefined;
  let capTotals: number[] | undefined;
  let points = rb.base;
  let next = Infinity;
  const subjectId = subject.id;
  const types = rb.types;

  let previous: RecordState | undefined;
  let previousAt = -Infinity;
  for (let k = 0; k < ordered.length; k++) {
    // Each field is read once: the record is usually not in cache, and each read is a property load.
    const r = ordered[k] as RecordState;
    const occurredAt = r.occurredAt;
    if (occurredAt < previousAt || (occurredAt === previousAt && previous !== undefined && byOccurrence(previous, r) > 0)) return undefined;
    previous = r;
    previousAt = occurredAt;
    if (r.subjectId !== subjectId) continue; // never let another subject's record count
    const typeCode = r.type;
    const type = types.get(typeCode);
    const status = r.status;
    const dispute = r.dispute;
    const fulfilledAt = status === 'fulfilled' ? r.fulfilledAt : undefined;
    let state: CountingState = 'counted';
    let moved = 0;
    let until: number | null = null;
    let rule: CompiledRule | undefined;
    if (status === 'retracted') state = 'retracted';
    else if (status === 'corrected') state = 'corrected';
    else if (type !== undefined && type.requiresConsent && r.consent !== true) state = 'no_consent';
    else if (occurredAt > at) { state = 'not_yet'; next = soonest(next, occurredAt, at); }
    else if (dispute !== undefined && dispute.closedAt === undefined && !(dispute.verifiedAt !== undefined && dispute.verifiedAt <= at)) {
      if (at >= dispute.verifyBy) state = 'dispute_unverified';
      else next = soonest(next, dispute.verifyBy, at);
    }
    const attributes = r.attributes;
    if (type !== undefined) {
      const rules = type.rules;
      for (let j = 0; j < rules.length; j++) {
        const candidate = rules[j] as CompiledRule;
        if (candidate.matches(attributes)) { rule = candidate; break; }
      }
    }
    const fulfilled = fulfilledAt !== undefined && fulfilledAt <= at;
    if (fulfilledAt !== undefined && fulfilledAt > at) next = soonest(next, fulfilledAt, at);
    if (state === 'counted' && rule !== undefined && rule.suspendWhileDisputed && dispute !== undefined && dispute.closedAt === undefined) state = 'dispute_open';
    if (state === 'counted') {
      if (rule === undefined) state = 'no_rule';
      else {
        const end = rb.addTerm(occurredAt, rule.term);
        if (at >= end) state = 'expired';
        else {
          until = end;
          next = soonest(next, end, at);
          if (fulfilled) { moved = rule.fulfilledPoints; state = 'fulfilled'; }
          else moved = rule.per === undefined ? rule.points : rule.points * Math.max(1, Number(attributes[rule.per] ?? 1));
          const slot = (type as CompiledType).capSlot;
          if (slot >= 0 && moved !== 0) {
            const cap = (type as CompiledType).cap as number;
            capTotals ??= new Array<number>(rb.cappedTypes).fill(0);
            const sofar = capTotals[slot] as number;
            const allowed = cap < 0 ? Math.max(moved, cap - sofar) : Math.min(moved, cap - sofar);
            // Clipped to 0 unless the allowed points keep the sign of the moved points.
            const clipped = (moved > 0 ? allowed > 0 : allowed < 0) ? allowed : 0;
            if (clipped !== moved) state = 'capped';
            moved = clipped;
            capTotals[slot] = sofar + moved;
          }
          points += moved;
        }
      }
    }
    explanation.push({ recordId: r.id, type: typeCode, ruleId: rule === undefined ? null : rule.id, points: moved, state, until });

    // Listings: a record that still stands (not retracted, corrected, consent-less or unverified) lists the subject for the list's term.
    if (type !== undefined && type.lists.length > 0 && (state === 'counted' || state === 'fulfilled' || state === 'capped' || state === 'no_rule' || state === 'expired')) {
      for (const entry of type.lists) {
        const def = entry.list.def;
        if (!entry.list.subjects.has(subject.kind) || !def.term || !entry.matches(attributes)) continue;
        const since = occurredAt;
        let end = rb.addTerm(since, def.term);
        if (def.extension) {
          const years = Math.min(def.extension.maxYears, Math.max(0, Math.trunc(Number(attributes[def.extension.attribute] ?? 0))));
          if (years > 0) end = rb.addTerm(end, { years, months: 0, days: 0 });
        }
        if (def.exitOnFulfilment && fulfilledAt !== undefined) end = Math.min(end, fulfilledAt);
        // A publicity listing is removed at its maximum whatever its term, and ends early when restoration is granted.
        if (def.publicity) {
          end = Math.min(end, rb.addTerm(since, def.publicity.maximum));
          if (r.restoredAt !== undefined) end = Math.min(end, r.restoredAt);
        }
        if (at < since || at >= end) { next = soonest(next, since, at); continue; }
        next = soonest(next, end, at);
        memberships ??= new Array<Membership | undefined>(rb.lists.length);
        const m = memberships[entry.list.index];
        if (m) { m.since = Math.min(m.since, since); m.until = Math.max(m.until, end); m.recordIds.push(r.id); }
        else memberships[entry.list.index] = { since, until: end, recordIds: [r.id] };
      }
    }
  }

  const grade = gradeFor(rb, points);
  const gradeIndex = GRADES.indexOf(grade);
  const lists: ListMembership[] = [];
  const measures: MeasureInForce[] = [];
  for (let i = 0; memberships && i < memberships.length; i++) {
    const m = memberships[i];
    const list = rb.lists[i];
    if (!m || !list) continue;
    lists.push({ listId: list.def.id, kind: list.def.kind, since: m.since, until: m.until, recordIds: m.recordIds });
    addMeasures(rb.measuresByList[i], subject.kind, grade, measures);
  }
  for (const list of rb.gradeLists[gradeIndex] ?? []) {
    if (!list.subjects.has(subject.kind) || memberships?.[list.index]) continue;
    lists.push({ listId: list.def.id, kind: list.def.kind, since: at, until: null, recordIds: [] });
    addMeasures(rb.measuresByList[list.index], subject.kind, grade, measures);
  }
  addMeasures(rb.measuresByGrade[gradeIndex], subject.kind, grade, measures);

  return {
    subjectId: subject.id,
    subjectKind: subject.kind,
    at,
    rulebookVersion: rb.version,
    points,
    grade,
    lists,
    measures,
    nextChangeAt: next === Infinity ? null : next,
    explanation,
  };
}

function addMeasures(candidates: CompiledRulebook['measuresByList'][number] | undefined, kind: SubjectKind, grade: Grade, out: MeasureInForce[]): void {
  if (!candidates) return;
  for (const cm of candidates) {
    if (cm.subjects && !cm.subjects.has(kind)) continue;
    if (cm.grades && !cm.grades.has(grade)) continue;
    out.push(cm.inForce);
  }
}
