import type { Instant, RecordId, SubjectId } from '../brand.js';
import type { RecordState } from '../record.js';
import type { SubjectKind } from '../subject.js';
import { GRADES, type Grade } from '../rulebook/model.js';
import { gradeFor, type CompiledRulebook, type CompiledRule } from '../rulebook/compile-rulebook.js';
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
  let typeTotals: Map<string, number> | undefined;
  let points = rb.base;
  let next = Infinity;

  let previous: RecordState | undefined;
  for (const r of ordered) {
    if (previous && (r.occurredAt < previous.occurredAt || (r.occurredAt === previous.occurredAt && byOccurrence(previous, r) > 0))) return undefined;
    previous = r;
    if (r.subjectId !== subject.id) continue; // never let another subject's record count
    const type = rb.types.get(r.type);
    let state: CountingState = 'counted';
    let moved = 0;
    let until: number | null = null;
    let rule: CompiledRule | undefined;
    if (r.status === 'retracted') state = 'retracted';
    else if (r.status === 'corrected') state = 'corrected';
    else if (type?.requiresConsent && r.consent !== true) state = 'no_consent';
    else if (r.occurredAt > at) { state = 'not_yet'; next = soonest(next, r.occurredAt, at); }
    else {
      const d = r.dispute;
      if (d && d.closedAt === undefined && !(d.verifiedAt !== undefined && d.verifiedAt <= at)) {
        if (at >= d.verifyBy) state = 'dispute_unverified';
        else next = soonest(next, d.verifyBy, at);
      }
    }
    if (type) {
      for (const candidate of type.rules) if (candidate.matches(r.attributes)) { rule = candidate; break; }
    }
    const fulfilled = r.status === 'fulfilled' && r.fulfilledAt !== undefined && r.fulfilledAt <= at;
    if (r.status === 'fulfilled' && r.fulfilledAt !== undefined && r.fulfilledAt > at) next = soonest(next, r.fulfilledAt, at);
    if (state === 'counted' && rule?.rule.suspendWhileDisputed && r.dispute && r.dispute.closedAt === undefined) state = 'dispute_open';
    if (state === 'counted') {
      if (!rule) state = 'no_rule';
      else {
        const end = rb.addTerm(r.occurredAt, rule.term);
        if (at >= end) state = 'expired';
        else {
          until = end;
          next = soonest(next, end, at);
          const factor = rule.rule.per === undefined ? 1 : Math.max(1, Number(r.attributes[rule.rule.per] ?? 1));
          moved = fulfilled ? (rule.rule.fulfilledPoints ?? 0) : rule.rule.points * factor;
          if (fulfilled) state = 'fulfilled';
          const cap = type?.cap;
          if (cap !== undefined && moved !== 0) {
            typeTotals ??= new Map<string, number>();
            const sofar = typeTotals.get(r.type) ?? 0;
            const allowed = cap < 0 ? Math.max(moved, cap - sofar) : Math.min(moved, cap - sofar);
            const clipped = Math.sign(allowed) === Math.sign(moved) ? allowed : 0;
            if (clipped !== moved) state = 'capped';
            moved = clipped;
            typeTotals.set(r.type, sofar + moved);
          }
          points += moved;
        }
      }
    }
    explanation.push({ recordId: r.id, type: r.type, ruleId: rule ? rule.rule.id : null, points: moved, state, until });

    // Listings: a record that still stands (not retracted, corrected, consent-less or unverified) lists the subject for the list's term.
    if (type && type.lists.length > 0 && (state === 'counted' || state === 'fulfilled' || state === 'capped' || state === 'no_rule' || state === 'expired')) {
      for (const entry of type.lists) {
        const def = entry.list.def;
        if (!entry.list.subjects.has(subject.kind) || !def.term || !entry.matches(r.attributes)) continue;
        const since = r.occurredAt;
        let end = rb.addTerm(since, def.term);
        if (def.extension) {
          const years = Math.min(def.extension.maxYears, Math.max(0, Math.trunc(Number(r.attributes[def.extension.attribute] ?? 0))));
          if (years > 0) end = rb.addTerm(end, { years, months: 0, days: 0 });
        }
        if (def.exitOnFulfilment && r.status === 'fulfilled' && r.fulfilledAt !== undefined) end = Math.min(end, r.fulfilledAt);
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
