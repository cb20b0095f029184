import type { Instant, SubjectId } from '../../core/brand.js';
import { parseSubjectId } from '../../core/identifiers/index.js';
import { foldRecords, isSubjectEvent, type StoredEvent, type SubjectEvent } from '../../core/ledger/index.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { Store } from '../../store/store.js';
import { sameSummary, summaryOf, type StandingChange } from './change-feed.js';

const SUBJECTS_PER_READ = 500;
const PAGE = 1000;

/** The ledger's events in the stretches (`[from, to)` each), up to `maxEvents`; `to` is where reading stopped when they were not all read. */
export async function eventsIn(
  store: Store, stretches: readonly (readonly [number, number])[], maxEvents: number,
): Promise<{ readonly events: StoredEvent[]; readonly to: number | null }> {
  const events: StoredEvent[] = [];
  for (const [from, to] of stretches) {
    for (let at = from; at < to;) {
      if (events.length >= maxEvents) return { events, to: at };
      const page = await store.read((tx) => tx.events(at, Math.min(PAGE, to - at, maxEvents - events.length)));
      if (page.length === 0) return { events, to: at };
      events.push(...page);
      at = (page.at(-1)?.seq ?? at) + 1;
    }
  }
  return { events, to: null };
}

/**
 * The standing changes that these events (read from the ledger, in order, all before `upTo`) made under
 * the rulebook in force: for every subject they touched, its standing before the first of them against
 * its standing after the last, replayed from the subject's events before `upTo`. All are computed before
 * any is returned. A subject with an event after the first of these that is not among them (a write
 * the caller announces itself) is left out: that announcement already carries the latest standing.
 */
export async function standingChangesOf(
  store: Store, events: readonly StoredEvent[], upTo: number, rulebook: () => Promise<CompiledRulebook>,
): Promise<StandingChange[]> {
  const touched = new Map<SubjectId, { first: number; firstAt: Instant; lastAt: Instant }>();
  const given = new Set<number>();
  for (const e of events) {
    given.add(e.seq);
    if (!isSubjectEvent(e.event)) continue;
    const t = touched.get(e.event.subjectId);
    if (t) t.lastAt = e.recordedAt;
    else touched.set(e.event.subjectId, { first: e.seq, firstAt: e.recordedAt, lastAt: e.recordedAt });
  }
  const changes: StandingChange[] = [];
  if (touched.size === 0) return changes;
  const rb = await rulebook();
  const ids = [...touched.keys()];
  for (let i = 0; i < ids.length; i += SUBJECTS_PER_READ) {
    const chunk = ids.slice(i, i + SUBJECTS_PER_READ);
    const all = await store.read((tx) => tx.eventsOf(chunk));
    const bySubject = new Map<SubjectId, { readonly seq: number; readonly event: SubjectEvent }[]>();
    for (const e of all) {
      if (e.seq >= upTo || !isSubjectEvent(e.event)) continue;
      const own = bySubject.get(e.event.subjectId) ?? [];
      own.push({ seq: e.seq, event: e.event });
      bySubject.set(e.event.subjectId, own);
    }
    for (const id of chunk) {
      const t = touched.get(id);
      const parsed = parseSubjectId(id);
      if (!t || !parsed.ok) continue;
      const ref = { id, kind: parsed.value.kind };
      const own = bySubject.get(id) ?? [];
      if (own.some((e) => e.seq > t.first && !given.has(e.seq))) continue;
      const before = own.filter((e) => e.seq < t.first).map((e) => e.event);
      const previous = before.length === 0 ? null : summaryOf(computeStanding(ref, [...foldRecords(before).values()], rb, t.firstAt));
      const now = summaryOf(computeStanding(ref, [...foldRecords(own.map((e) => e.event)).values()], rb, t.lastAt));
      if (previous && sameSummary(previous, now)) continue;
      changes.push({ subjectId: id, subjectKind: ref.kind, at: t.lastAt, rulebookVersion: rb.version, standing: now, previous });
    }
  }
  return changes;
}
