import { parseSubjectId } from '../../core/identifiers/index.js';
import { isSubjectEvent, type StoredEvent, type SubjectEvent } from '../../core/ledger/ledger-event.js';
import type { RawRow } from '../../store/log-store.js';
import { getAllPages, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';
import { checkRecords } from './check-records.js';
import { differingColumns, expectedSlot, replaySubject, type ReplayedSubject } from './expected-rows.js';
import type { PublishedRulebooks } from './published-rulebooks.js';

export interface SubjectPage { readonly subjects: readonly RawRow[]; readonly records: readonly RawRow[]; readonly next: string | null }

const SLOT = ['version', 'points', 'grade', 'lists', 'measures', 'next_change_at', 'computed_at'];
const SUBJECT_COLUMNS = new Set(['id', 'kind', 'scheme', 'identifier', 'region', 'version', 'next_change_at', ...SLOT.map((c) => `a_${c}`), ...SLOT.map((c) => `b_${c}`)]);

export const fetchSubjectPages = (http: AuditHttp): Promise<SubjectPage[]> => getAllPages<SubjectPage, string>(
  http, null, (after) => `/v1/log/audit/subjects?limit=1000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, (p) => p.next,
);

/** Each subject's events in seq order. */
export function eventsBySubject(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const out = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (!isSubjectEvent(e.event)) continue;
    const list = out.get(e.event.subjectId);
    if (list) list.push(e);
    else out.set(e.event.subjectId, [e]);
  }
  return out;
}

/**
 * Replays every subject from its events and compares the stored rows: identity, version, both
 * standing slots (recomputed under their rulebook version at their time), and every record row.
 * A row with version v is compared with the fold of the subject's first v events, so an audit of a
 * registry that keeps writing stays exact.
 */
export function checkSubjects(
  pages: readonly SubjectPage[], bySubject: ReadonlyMap<string, readonly StoredEvent[]>, rulebooks: PublishedRulebooks, checkpointSize: number, out: Problems,
): { readonly subjects: number; readonly records: number } {
  const seen = new Set<string>();
  let records = 0;
  for (const page of pages) {
    for (const row of page.subjects) {
      const id = String(row.id);
      seen.add(id);
      const own = page.records.filter((r) => r.subject_id === row.id);
      records += own.length;
      checkSubject(row, own, bySubject.get(id) ?? [], rulebooks, out);
    }
  }
  for (const [id, events] of bySubject) {
    const first = events[0];
    if (!seen.has(id) && first && first.seq <= checkpointSize) out.add({ kind: 'subject', subjectId: id, detail: `events name ${id} (from event ${first.seq}), but it has no subject row` });
  }
  return { subjects: seen.size, records };
}

function checkSubject(row: RawRow, recordRows: readonly RawRow[], events: readonly StoredEvent[], rulebooks: PublishedRulebooks, out: Problems): void {
  const id = String(row.id);
  const problem = (detail: string): void => out.add({ kind: 'subject', subjectId: id, detail: `subject ${id}: ${detail}` });
  const extra = Object.keys(row).filter((c) => !SUBJECT_COLUMNS.has(c));
  if (extra.length > 0) problem(`the subjects table has columns the auditor does not check: ${extra.join(', ')}`);
  const parsed = parseSubjectId(id);
  if (!parsed.ok) return problem(`the id is not a valid subject id: ${parsed.error}`);
  const identity = { id: parsed.value.subjectId, kind: parsed.value.kind, scheme: parsed.value.scheme, identifier: parsed.value.identifier, region: parsed.value.region };
  for (const d of differingColumns(identity, row)) problem(d);
  const version = Number(row.version);
  if (!Number.isSafeInteger(version) || version < 1 || version > events.length) problem(`version ${String(row.version)}, but ${events.length} events name it`);
  const used = events.slice(0, Number.isSafeInteger(version) && version >= 1 ? version : events.length);
  let replay: ReplayedSubject;
  try {
    replay = replaySubject(id, used.map((e) => e.event as SubjectEvent));
  } catch (error) {
    return problem(`its events do not replay: ${(error as Error).message}`);
  }
  for (const r of replay.records.values()) {
    const furnishedKind = used.find((e) => e.event.type === 'record.furnished' && e.event.record.recordId === r.id);
    if (furnishedKind?.event.type === 'record.furnished' && furnishedKind.event.record.subjectKind !== parsed.value.kind) problem(`record ${r.id} was furnished for a ${furnishedKind.event.record.subjectKind}`);
  }
  checkRecords(id, replay, recordRows, out);
  checkSlots(row, { id, kind: parsed.value.kind }, replay, used.at(-1)?.recordedAt ?? 0, rulebooks, problem);
}

function checkSlots(
  row: RawRow, subject: { readonly id: string; readonly kind: Parameters<typeof expectedSlot>[0]['kind'] }, replay: ReplayedSubject, lastAt: number,
  rulebooks: PublishedRulebooks, problem: (detail: string) => void,
): void {
  const nexts: number[] = [];
  for (const slot of ['a', 'b']) {
    const version = row[`${slot}_version`];
    if (version === null) {
      const set = SLOT.filter((c) => row[`${slot}_${c}`] !== null);
      if (set.length > 0) problem(`standing slot ${slot} holds no version but has ${set.map((c) => `${slot}_${c}`).join(', ')}`);
      continue;
    }
    const rb = rulebooks.byVersion.get(String(version));
    if (!rb) {
      problem(`standing slot ${slot} is under rulebook ${String(version)}, which the log does not show as published`);
      continue;
    }
    const at = Number(row[`${slot}_computed_at`]);
    if (!Number.isSafeInteger(at) || at < lastAt) problem(`${slot}_computed_at ${String(row[`${slot}_computed_at`])} is before the subject's last event (${lastAt})`);
    for (const d of differingColumns(expectedSlot(subject, replay.records.values(), rb, at), row, `${slot}_`, ['lists', 'measures'])) problem(`standing under ${rb.version}: ${d}`);
    // The subject's next change follows only the standings of the rulebook in force; a slot left
    // from an earlier version keeps its old next change, which nothing waits for any more.
    const next = row[`${slot}_next_change_at`];
    if (typeof next === 'number' && (rulebooks.current === null || version === rulebooks.current)) nexts.push(next);
  }
  if (row.a_version !== null && row.a_version === row.b_version) problem(`both standing slots claim rulebook ${String(row.a_version)}`);
  if (rulebooks.current !== null && row.a_version !== rulebooks.current && row.b_version !== rulebooks.current) {
    problem(`no standing under the rulebook in force (${rulebooks.current})`);
  }
  const next = nexts.length === 0 ? null : Math.min(...nexts);
  if (row.next_change_at !== next) problem(`next_change_at is ${JSON.stringify(row.next_change_at)}, its standings say ${JSON.stringify(next)}`);
}
