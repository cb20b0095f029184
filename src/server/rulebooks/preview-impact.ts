import type { Instant, SubjectId } from '../../core/brand.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { StoredRecord } from '../../store/rows.js';
import type { Store } from '../../store/store.js';

const PAGE = 500;

export interface Impact {
  readonly subjects: number;
  readonly gradeChanged: number;
  readonly pointsChanged: number;
  readonly gradeChanges: readonly { readonly from: string; readonly to: string; readonly subjects: number }[];
  readonly lists: readonly { readonly listId: string; readonly before: number; readonly after: number; readonly entering: number; readonly leaving: number }[];
}

/**
 * Rates every subject under both rulebooks at the same instant and counts what would change: grades
 * (from → to), points, and each list's entries and exits. Reads the population page by page, so the
 * server keeps answering meanwhile.
 */
export async function previewImpact(store: Store, current: CompiledRulebook, draft: CompiledRulebook, at: Instant): Promise<Impact> {
  const transitions = new Map<string, number>();
  const lists = new Map<string, { before: number; after: number; entering: number; leaving: number }>();
  for (const l of [...current.lists, ...draft.lists]) lists.set(l.def.id, { before: 0, after: 0, entering: 0, leaving: 0 });
  let subjects = 0;
  let gradeChanged = 0;
  let pointsChanged = 0;
  let after: SubjectId | null = null;
  for (;;) {
    const cursor: SubjectId | null = after;
    const page = await store.read(async (tx) => {
      const rows = await tx.subjectPage(cursor, PAGE);
      return { rows, records: rows.length > 0 ? await tx.recordsOf(rows.map((r) => r.id)) : [] };
    });
    const last = page.rows.at(-1);
    if (!last) break;
    after = last.id;
    const bySubject = new Map<SubjectId, StoredRecord[]>();
    for (const r of page.records) {
      const own = bySubject.get(r.subjectId);
      if (own) own.push(r);
      else bySubject.set(r.subjectId, [r]);
    }
    for (const s of page.rows) {
      const records = bySubject.get(s.id) ?? [];
      const was = computeStanding(s, records, current, at);
      const will = computeStanding(s, records, draft, at);
      subjects += 1;
      if (was.points !== will.points) pointsChanged += 1;
      if (was.grade !== will.grade) {
        gradeChanged += 1;
        const key = `${was.grade}>${will.grade}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
      }
      const before = new Set(was.lists.map((l) => l.listId));
      const afterLists = new Set(will.lists.map((l) => l.listId));
      for (const [id, c] of lists) {
        const b = before.has(id);
        const a = afterLists.has(id);
        if (b) c.before += 1;
        if (a) c.after += 1;
        if (a && !b) c.entering += 1;
        if (b && !a) c.leaving += 1;
      }
    }
  }
  return {
    subjects,
    gradeChanged,
    pointsChanged,
    gradeChanges: [...transitions].map(([key, n]) => {
      const [from = '', to = ''] = key.split('>');
      return { from, to, subjects: n };
    }).sort((x, y) => y.subjects - x.subjects),
    lists: [...lists].map(([listId, c]) => ({ listId, ...c })),
  };
}
