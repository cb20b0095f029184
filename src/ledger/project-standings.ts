import type { Instant, SubjectId } from '../core/brand.js';
import type { RecordState } from '../core/record.js';
import type { CompiledRulebook } from '../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../core/standing/compute-standing.js';
import type { Subject } from '../core/subject.js';
import type { MeasureInForce, Standing } from '../core/standing/model.js';
import type { StoredStanding } from '../store/rows.js';
import type { ActiveRulebooks } from './rulebook-cache.js';

/** A standing without its explanation: what reads return when they do not explain. */
export type StandingSummary = Omit<Standing, 'explanation'>;

/** A standing without its explanation. */
export const summaryOf = (s: Standing): StandingSummary => ({
  subjectId: s.subjectId, subjectKind: s.subjectKind, at: s.at, rulebookVersion: s.rulebookVersion, points: s.points, grade: s.grade,
  lists: s.lists, measures: s.measures, nextChangeAt: s.nextChangeAt,
});

/** What the projection stores: no explanation, measures by id. */
export function toStored(s: Standing): StoredStanding {
  const { measures, ...rest } = summaryOf(s);
  return { ...rest, measureIds: measures.map((m) => m.measureId) };
}

export function storedStanding(subject: Pick<Subject, 'id' | 'kind'>, records: readonly RecordState[], rb: CompiledRulebook, at: Instant): StoredStanding {
  return toStored(computeStanding(subject, records, rb, at));
}

const measureTables = new WeakMap<CompiledRulebook, ReadonlyMap<string, MeasureInForce>>();

/** A stored standing with its measures spelled out from the rulebook version it was computed under. */
export function toSummary({ measureIds, ...rest }: StoredStanding, rb: CompiledRulebook): StandingSummary {
  let table = measureTables.get(rb);
  if (!table) {
    table = new Map([...rb.actions.values()].flatMap((a) => a.measures.map((cm) => [cm.measure.id, cm.inForce] as const)));
    measureTables.set(rb, table);
  }
  const known = table;
  return { ...rest, measures: measureIds.flatMap((id) => known.get(id) ?? []) };
}

/** Groups records by subject (the store returns them ordered by subject). */
export function bySubject<R extends RecordState>(records: readonly R[]): Map<SubjectId, R[]> {
  const groups = new Map<SubjectId, R[]>();
  for (const r of records) {
    const group = groups.get(r.subjectId);
    if (group) group.push(r);
    else groups.set(r.subjectId, [r]);
  }
  return groups;
}

/** The standings to write for one subject under every rulebook in use, from that subject's records only. */
export function standingsFor(subject: Pick<Subject, 'id' | 'kind'>, records: readonly RecordState[], rbs: ActiveRulebooks, at: Instant): StoredStanding[] {
  const current = storedStanding(subject, records, rbs.current, at);
  return rbs.staging ? [current, storedStanding(subject, records, rbs.staging, at)] : [current];
}

/** The standings to write for these subjects under every rulebook in use. */
export function projectStandings(
  subjects: readonly Pick<Subject, 'id' | 'kind'>[], records: ReadonlyMap<SubjectId, readonly RecordState[]>, rbs: ActiveRulebooks, at: Instant,
): StoredStanding[] {
  return subjects.flatMap((subject) => standingsFor(subject, records.get(subject.id) ?? [], rbs, at));
}
