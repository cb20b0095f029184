import type { Static } from '@sinclair/typebox';
import type { Instant, RecordId } from '../../core/brand.js';
import { applyRecordEvent, eventRecordId, isSubjectEvent } from '../../core/ledger/index.js';
import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import type { RecordState } from '../../core/record.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { ServerDeps } from '../server-deps.js';
import { iso, type View } from '../schemas/common.js';
import type { HistoryView } from '../schemas/subject.js';

type Point = Static<typeof HistoryView>['points'][number];
const MAX_TIME_STEPS = 200;

/**
 * The subject's standing after each of its events, and at each moment it changed by itself in
 * between (an expiry, a listing's end), up to now — all under the rulebook in force now.
 */
export async function standingHistory(deps: ServerDeps, subject: ParsedIdentifier, now: Instant): Promise<View<typeof HistoryView>> {
  const rulebook = await deps.standings.rulebook();
  const events = await deps.store.read((tx) => tx.eventsOf([subject.subjectId]));
  const ref = { id: subject.subjectId, kind: subject.kind };
  const records = new Map<RecordId, RecordState>();
  const points: Point[] = [];
  const at = (t: Instant, cause: Point['cause'], extra: Partial<Point> = {}): Instant | null => {
    const s = computeStanding(ref, [...records.values()], rulebook, t);
    points.push({ at: iso(t), cause, ...extra, points: s.points, grade: s.grade, lists: s.lists.map((l) => l.listId) });
    return s.nextChangeAt;
  };
  /** Steps through the changes that happen by themselves before `until`. */
  const walk = (from: Instant | null, until: Instant): void => {
    let next = from;
    for (let i = 0; next !== null && next < until && i < MAX_TIME_STEPS; i++) next = at(next, 'time');
  };
  let pending: Instant | null = null;
  for (const stored of events) {
    const e = stored.event;
    if (!isSubjectEvent(e)) continue;
    walk(pending, stored.recordedAt);
    const id = eventRecordId(e);
    records.set(id, applyRecordEvent(records.get(id), e));
    if (e.type === 'record.corrected') {
      records.set(e.replacement.recordId, applyRecordEvent(undefined, { type: 'record.furnished', subjectId: e.subjectId, record: e.replacement }));
    }
    pending = at(stored.recordedAt, 'event', { seq: stored.seq, event: e.type, recordId: id });
  }
  walk(pending, now);
  at(now, 'now');
  return { subjectId: subject.subjectId, rulebookVersion: rulebook.version, points };
}
