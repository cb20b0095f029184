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

interface MeasureTable {
  readonly keyOf: ReadonlyMap<string, number>;
  readonly byKey: readonly (MeasureInForce | undefined)[];
}
const measureTables = new WeakMap<CompiledRulebook, MeasureTable>();

/** Measures by their position in the rulebook's `measures`: how the projection stores them. */
function measureTable(rb: CompiledRulebook): MeasureTable {
  let table = measureTables.get(rb);
  if (!table) {
    const inForce = new Map([...rb.actions.values()].flatMap((a) => a.measures.map((cm) => [cm.measure.id, cm.inForce] as const)));
    table = {
      keyOf: new Map(rb.rulebook.measures.map((m, i) => [m.id, i])),
      byKey: rb.rulebook.measures.map((m) => inForce.get(m.id)),
    };
    measureTables.set(rb, table);
  }
  return table;
}

/** What the projection stores: no explanation, measures by position in the rulebook version. */
export function toStored(s: Standing, rb: CompiledRulebook): StoredStanding {
  const { keyOf } = measureTable(rb);
  // Field by field: computed for every subject a bulk import touches (object rest and spread are slow).
  return {
    subjectId: s.subjectId, subjectKind: s.subjectKind, at: s.at, rulebookVersion: s.rulebookVersion, points: s.points, grade: s.grade,
    lists: s.lists, nextChangeAt: s.nextChangeAt, measureKeys: s.measures.map((m) => keyOf.get(m.measureId) ?? -1),
  };
}

export function storedStanding(subject: Pick<Subject, 'id' | 'kind'>, records: readonly RecordState[], rb: CompiledRulebook, at: Instant): StoredStanding {
  return toStored(computeStanding(subject, records, rb, at), rb);
}

/** A stored standing with its measures spelled out from the rulebook version it was computed under. */
export function toSummary({ measureKeys, ...rest }: StoredStanding, rb: CompiledRulebook): StandingSummary {
  const { byKey } = measureTable(rb);
  return { ...rest, measures: measureKeys.flatMap((k) => byKey[k] ?? []) };
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
