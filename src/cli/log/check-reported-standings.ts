import { canonicalJson } from '../../core/ledger/canonical-json.js';
import type { StoredEvent, SubjectEvent } from '../../core/ledger/ledger-event.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { SubjectKind } from '../../core/subject.js';
import { getAllPages, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';
import { replaySubject } from './expected-rows.js';
import type { PublishedRulebooks } from './published-rulebooks.js';

interface ReportedStanding {
  readonly subjectId: string;
  readonly subjectKind: SubjectKind;
  readonly rulebookVersion: string;
  readonly at: string;
  readonly points: number;
  readonly grade: string;
  readonly lists: readonly { readonly listId: string; readonly kind: string; readonly since: string; readonly until: string | null; readonly recordIds: readonly string[] }[];
  readonly measures: readonly { readonly measureId: string }[];
  readonly nextChangeAt: string | null;
}
export interface StandingsPage { readonly rulebookVersion: string; readonly items: readonly ReportedStanding[]; readonly next: string | null }

export const fetchReportedStandings = (http: AuditHttp): Promise<StandingsPage[]> => getAllPages<StandingsPage, string>(
  http, null, (after) => `/v1/audit/standings?limit=1000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, (p) => p.next,
);

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Compares every standing the server reports to auditors (/v1/audit/standings) with the standing
 * the auditor computes itself: the subject's events up to the standing's time, under the rulebook
 * version it names, at that time.
 */
export function checkReportedStandings(
  pages: readonly StandingsPage[], bySubject: ReadonlyMap<string, readonly StoredEvent[]>, rulebooks: PublishedRulebooks, out: Problems,
): number {
  let count = 0;
  for (const page of pages) {
    for (const s of page.items) {
      count += 1;
      const problem = (detail: string): void => out.add({ kind: 'standing', subjectId: s.subjectId, detail: `reported standing of ${s.subjectId}: ${detail}` });
      const rb = rulebooks.byVersion.get(s.rulebookVersion);
      if (!rb || s.rulebookVersion !== rulebooks.current) {
        problem(`under rulebook ${s.rulebookVersion}, but the rulebook in force is ${String(rulebooks.current)}`);
        if (!rb) continue;
      }
      const at = Date.parse(s.at);
      const events = (bySubject.get(s.subjectId) ?? []).filter((e) => e.recordedAt <= at).map((e) => e.event as SubjectEvent);
      let expected;
      try {
        expected = computeStanding({ id: s.subjectId as never, kind: s.subjectKind }, [...replaySubject(s.subjectId, events).records.values()], rb, at);
      } catch (error) {
        problem(`its events do not replay: ${(error as Error).message}`);
        continue;
      }
      const mine = {
        points: expected.points, grade: expected.grade, nextChangeAt: iso(expected.nextChangeAt), measures: expected.measures.map((m) => m.measureId),
        lists: expected.lists.map((l) => ({ listId: l.listId, kind: l.kind, since: iso(l.since), until: iso(l.until), recordIds: l.recordIds })),
      };
      const theirs = { points: s.points, grade: s.grade, nextChangeAt: s.nextChangeAt, measures: s.measures.map((m) => m.measureId), lists: s.lists };
      for (const key of Object.keys(mine) as (keyof typeof mine)[]) {
        if (canonicalJson(mine[key]) !== canonicalJson(theirs[key])) problem(`${key} is ${canonicalJson(theirs[key])}, the replay gives ${canonicalJson(mine[key])}`);
      }
    }
  }
  return count;
}
