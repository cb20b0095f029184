import type { Instant } from '../../../core/brand.js';
import type { CompiledRulebook } from '../../../core/rulebook/compile-rulebook.js';
import { GRADES } from '../../../core/rulebook/model.js';
import type { SubjectKind } from '../../../core/subject.js';
import { oversightQueries, type PhaseCount } from '../../../store/oversight-queries.js';
import type { StoredRecord } from '../../../store/rows.js';
import type { Store } from '../../../store/store.js';
import { iso, type View } from '../../schemas/common.js';
import type { OversightView } from '../../schemas/oversight.js';
import { dayEnds, listHistory } from './list-history.js';
import { timeOrderedLowerBound } from './time-ordered-lower-bound.js';

type Figures = View<typeof OversightView>;

const DAY = 86_400_000;
export const HISTORY_DAYS = 90;
export const CHECK_DAYS = 30;
/** Above this many subjects with a listing record in the window, the daily series is not computed here. */
export const HISTORY_MAX_SUBJECTS = 50_000;
const CHUNK = 500;

/** How far before the window a record can have occurred and still list its subject inside it (generously). */
function lookback(rb: CompiledRulebook): number {
  let years = 0;
  for (const { def } of rb.lists) {
    if (!def.term) continue;
    years = Math.max(years, def.term.years + def.term.months / 12 + def.term.days / 365 + (def.extension?.maxYears ?? 0));
  }
  return Math.ceil(years + 1) * 366 * DAY;
}

async function history(store: Store, rb: CompiledRulebook, at: Instant): Promise<Figures['listHistory']> {
  const { dates, instants } = dayEnds(at, HISTORY_DAYS);
  const types = [...rb.types].filter(([, t]) => t.lists.length > 0).map(([code]) => code);
  const from = (instants[0] ?? at) - lookback(rb);
  const ids = await store.read((tx) => oversightQueries(tx, store.dialect).subjectsWithRecordTypes(types, from, at, HISTORY_MAX_SUBJECTS));
  if (ids.length > HISTORY_MAX_SUBJECTS) return { skipped: true, subjects: HISTORY_MAX_SUBJECTS, limit: HISTORY_MAX_SUBJECTS };
  const series = listHistory(rb, instants);
  // Short read transactions, one per chunk, so a long count never holds a snapshot open.
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [subjects, records] = await store.read(async (tx) => [await tx.subjects(chunk), await tx.recordsOf(chunk)] as const);
    const bySubject = new Map<string, StoredRecord[]>();
    for (const r of records) {
      const own = bySubject.get(r.subjectId);
      if (own) own.push(r);
      else bySubject.set(r.subjectId, [r]);
    }
    for (const s of subjects) series.add({ id: s.id, kind: s.kind }, bySubject.get(s.id) ?? []);
  }
  const counts = series.counts();
  const recordLists = rb.lists.filter((l) => l.def.term);
  return { days: [...dates], series: recordLists.map((l) => ({ listId: l.def.id, subjects: [...(counts.get(l.def.id) ?? instants.map(() => 0))] })) };
}

function disputeFigures(phases: readonly PhaseCount[], restorations: readonly PhaseCount[], opened: number, since: Instant): NonNullable<Figures['disputes']> {
  const phase = (rows: readonly PhaseCount[], name: string) => rows.find((p) => p.phase === name) ?? { count: 0, pastDue: 0 };
  return {
    since: iso(since),
    opened,
    awaitingFurnisher: phase(phases, 'open').count,
    awaitingOperator: phase(phases, 'appealed').count,
    resolved: phase(phases, 'answered').count + phase(phases, 'decided').count,
    overdueFurnisher: phase(phases, 'open').pastDue,
    overdueOperator: phase(phases, 'appealed').pastDue,
    restorationsPending: phase(restorations, 'pending').count,
    restorationsOverdue: phase(restorations, 'pending').pastDue,
    restorationsDecided: phase(restorations, 'decided').count,
  };
}

/** Every oversight figure at `at` under the rulebook in force. */
export async function oversightFigures(store: Store, rb: CompiledRulebook, at: Instant): Promise<Figures> {
  const checksSince = at - CHECK_DAYS * DAY;
  const now = await store.read(async (tx) => {
    const q = oversightQueries(tx, store.dialect);
    return {
      kindGrades: await q.kindGradeCounts(rb.version),
      lists: await q.listSizes(rb.version),
      inquiries: await q.inquiryCounts(checksSince, timeOrderedLowerBound('dec_', checksSince)),
      rejections: await q.rejectionCounts(),
      disputes: await q.disputePhases(at),
      restorations: await q.restorationPhases(at),
      opened: await q.disputesOpenedSince(checksSince),
    };
  });
  const kinds: Record<SubjectKind, number> = { person: 0, organization: 0, public_body: 0 };
  const grades = new Map<string, number>();
  let unrated = 0;
  for (const row of now.kindGrades) {
    if (row.kind in kinds) kinds[row.kind as SubjectKind] += row.subjects;
    if (row.grade === null) unrated += row.subjects;
    else grades.set(row.grade, (grades.get(row.grade) ?? 0) + row.subjects);
  }
  const sectors = new Map(rb.rulebook.actions.map((a) => [a.id, a.sector]));
  const byAction = new Map<string, { sector: string; action: string; checks: number; denials: number }>();
  for (const q of now.inquiries) {
    const row = byAction.get(q.action) ?? { sector: sectors.get(q.action) ?? 'unknown', action: q.action, checks: 0, denials: 0 };
    row.checks += q.count;
    if (q.outcome === 'deny') row.denials += q.count;
    byAction.set(q.action, row);
  }
  const actions = [...byAction.values()].sort((a, b) => a.sector.localeCompare(b.sector) || a.action.localeCompare(b.action));
  return {
    at: iso(at),
    rulebookVersion: rb.version,
    subjects: { total: kinds.person + kinds.organization + kinds.public_body, ...kinds, unrated },
    grades: GRADES.map((grade) => ({ grade, subjects: grades.get(grade) ?? 0 })),
    lists: rb.lists.map(({ def }) => ({ listId: def.id, name: def.name, kind: def.kind, byGrade: !def.term, subjects: now.lists.get(def.id) ?? 0 })),
    listHistory: await history(store, rb, at),
    checks: {
      since: iso(checksSince),
      days: CHECK_DAYS,
      total: actions.reduce((n, a) => n + a.checks, 0),
      denials: actions.reduce((n, a) => n + a.denials, 0),
      byAction: actions,
    },
    disputes: disputeFigures(now.disputes, now.restorations, now.opened, checksSince),
    rejections: now.rejections.map((r) => ({ reason: r.code, items: r.count })),
  };
}
