import type { SubjectId } from '../core/brand.js';
import { canonicalJson } from '../core/ledger/canonical-json.js';
import { foldRecords } from '../core/ledger/apply-record-event.js';
import { isSubjectEvent, type StoredEvent, type SubjectEvent } from '../core/ledger/ledger-event.js';
import type { RecordState } from '../core/record.js';
import type { StoredRecord, StoredStanding } from '../store/rows.js';
import type { LedgerContext } from './ledger-context.js';
import type { OnProgress } from './progress.js';
import { storedStanding } from './project-standings.js';

const MAX_PROBLEMS = 1000;

export interface IntegrityProblem {
  readonly kind: 'sequence' | 'subject_version' | 'record' | 'standing' | 'missing_standing';
  readonly subjectId?: SubjectId;
  readonly detail: string;
}

export interface IntegrityReport {
  readonly ok: boolean;
  readonly events: number;
  readonly subjects: number;
  readonly records: number;
  /** The first problems found (at most 1000). */
  readonly problems: readonly IntegrityProblem[];
}

/** The record's state without the projection's own columns (canonicalJson leaves undefined out). */
const recordState = (r: StoredRecord): unknown => ({ ...r, seq: undefined, supersededBy: undefined });
const comparable = (s: StoredStanding): string =>
  canonicalJson({ points: s.points, grade: s.grade, lists: s.lists, measures: s.measureKeys, nextChangeAt: s.nextChangeAt, version: s.rulebookVersion });

/**
 * Checks what an auditor would: the event sequence has no gap, and for every subject the records,
 * the version and each stored standing equal what a replay of that subject's events gives.
 */
export async function verifyIntegrity(ctx: LedgerContext, onProgress?: OnProgress): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const report = (p: IntegrityProblem): void => void (problems.length < MAX_PROBLEMS && problems.push(p));
  const { stats, head, total } = await ctx.store.read(async (tx) => ({ stats: await tx.eventStats(), head: await tx.head(), total: await tx.countSubjects() }));
  if (stats.count > 0 && (stats.minSeq !== 1 || stats.maxSeq !== stats.count)) {
    report({ kind: 'sequence', detail: `${stats.count} events span seq ${String(stats.minSeq)}..${String(stats.maxSeq)}: the sequence has gaps` });
  }
  if (head.nextSeq !== (stats.maxSeq ?? 0) + 1) report({ kind: 'sequence', detail: `head says next seq ${head.nextSeq}, last stored is ${String(stats.maxSeq)}` });

  let after: SubjectId | null = null;
  let subjects = 0;
  let records = 0;
  for (;;) {
    const cursor: SubjectId | null = after;
    const page = await ctx.store.read(async (tx) => {
      const rows = await tx.subjectPage(cursor, ctx.batchSize);
      const ids = rows.map((s) => s.id);
      const h = await tx.head();
      const versions = [h.currentRulebook, h.stagingRulebook].filter((v) => v !== null);
      const standings = new Map<string, StoredStanding>();
      for (const v of versions) for (const s of await tx.standings(ids, v)) standings.set(`${s.subjectId} ${v}`, s);
      const rbs = await Promise.all(versions.map((v) => ctx.rulebooks.compiled(tx, v)));
      return { rows, rbs, events: await tx.eventsOf(ids), stored: await tx.recordsOf(ids), standings };
    });
    const last = page.rows.at(-1);
    if (!last) break;
    const eventsBy = group(page.events.map((e: StoredEvent) => e.event).filter(isSubjectEvent), (e) => e.subjectId);
    const storedBy = group(page.stored, (r) => r.subjectId);
    for (const subject of page.rows) {
      const events = eventsBy.get(subject.id) ?? [];
      let folded: ReadonlyMap<string, RecordState>;
      try {
        folded = foldRecords(events);
      } catch (error) {
        report({ kind: 'record', subjectId: subject.id, detail: `events do not replay: ${(error as Error).message}` });
        continue;
      }
      if (subject.version !== events.length) {
        report({ kind: 'subject_version', subjectId: subject.id, detail: `version ${subject.version}, but ${events.length} events` });
      }
      const stored = storedBy.get(subject.id) ?? [];
      records += stored.length;
      const superseded = new Map(events.flatMap((e: SubjectEvent) => (e.type === 'record.corrected' ? [[e.recordId, e.replacement.recordId] as const] : [])));
      for (const r of stored) {
        const replay = folded.get(r.id);
        if (!replay || canonicalJson(replay) !== canonicalJson(recordState(r)) || (superseded.get(r.id) ?? null) !== r.supersededBy) {
          report({ kind: 'record', subjectId: subject.id, detail: `record ${r.id} differs from the replay of its events` });
        }
      }
      if (stored.length !== folded.size) report({ kind: 'record', subjectId: subject.id, detail: `${stored.length} records stored, ${folded.size} in the events` });
      for (const rb of page.rbs) {
        const s = page.standings.get(`${subject.id} ${rb.version}`);
        if (!s) {
          report({ kind: 'missing_standing', subjectId: subject.id, detail: `no standing under rulebook ${rb.version}` });
          continue;
        }
        const replayed = storedStanding(subject, [...folded.values()], rb, s.at);
        if (comparable(replayed) !== comparable(s) || s.subjectKind !== subject.kind) {
          report({ kind: 'standing', subjectId: subject.id, detail: `stored standing under ${rb.version} (${s.points} points, ${s.grade}) differs from the replay (${replayed.points} points, ${replayed.grade})` });
        }
      }
    }
    subjects += page.rows.length;
    after = last.id;
    await onProgress?.({ done: subjects, total: Math.max(total, subjects) });
  }
  return { ok: problems.length === 0, events: stats.count, subjects, records, problems };
}

function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
