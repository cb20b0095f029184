import type { Instant, RecordId } from '../../core/brand.js';
import { canonicalJson } from '../../core/ledger/canonical-json.js';
import { foldRecords } from '../../core/ledger/apply-record-event.js';
import type { SubjectEvent } from '../../core/ledger/ledger-event.js';
import type { RecordState } from '../../core/record.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { SubjectKind } from '../../core/subject.js';
import type { RawRow } from '../../store/log-store.js';
import { seqFromRecordId } from '../../store/record-key.js';

// What the auditor expects each stored row to hold, derived from the events alone. Written
// independently of the store's own mapping: when the two disagree, the audit says so.

type Value = string | number | null;

export interface ReplayedSubject {
  readonly records: ReadonlyMap<RecordId, RecordState>;
  /** The records table row each record should have, by seq. */
  readonly recordRows: ReadonlyMap<number, Readonly<Record<string, Value>>>;
}

/** Folds a subject's events (throws on a stream no ledger could have written). */
export function replaySubject(subjectId: string, events: readonly SubjectEvent[]): ReplayedSubject {
  const records = foldRecords(events);
  const superseded = new Map<RecordId, RecordId>();
  for (const e of events) {
    if (e.type === 'record.corrected') superseded.set(e.recordId, e.replacement.recordId);
  }
  const recordRows = new Map<number, Record<string, Value>>();
  for (const r of records.values()) {
    const seq = seqFromRecordId(r.id) ?? -1;
    const by = superseded.get(r.id);
    recordRows.set(seq, {
      seq, subject_id: r.subjectId, type: r.type, occurred_at: r.occurredAt, furnisher_id: r.furnisherId, furnisher_ref: r.furnisherRef,
      consent: r.consent === undefined ? null : r.consent ? 1 : 0, status: r.status, fulfilled_at: r.fulfilledAt ?? null,
      superseded_by: by === undefined ? null : seqFromRecordId(by) ?? -1,
      dispute_opened_at: r.dispute?.openedAt ?? null, dispute_verify_by: r.dispute?.verifyBy ?? null,
      dispute_verified_at: r.dispute?.verifiedAt ?? null, dispute_closed_at: r.dispute?.closedAt ?? null,
      restored_at: r.restoredAt ?? null,
    });
  }
  return { records, recordRows };
}

/** The standing slot columns (without the a_/b_ prefix) a subject should have under `rb` at `at`. */
export function expectedSlot(
  subject: { readonly id: string; readonly kind: SubjectKind }, records: Iterable<RecordState>, rb: CompiledRulebook, at: Instant,
): Readonly<Record<string, Value>> {
  const s = computeStanding({ id: subject.id as never, kind: subject.kind }, [...records], rb, at);
  const position = new Map(rb.rulebook.measures.map((m, i) => [m.id, i]));
  return {
    version: rb.version, points: s.points, grade: s.grade, lists: canonicalJson(s.lists),
    measures: canonicalJson(s.measures.map((m) => position.get(m.measureId) ?? -1)), next_change_at: s.nextChangeAt, computed_at: at,
  };
}

/** Columns whose stored value differs from the expected one; JSON text columns compare by value. */
export function differingColumns(expected: Readonly<Record<string, Value>>, row: RawRow, prefix = '', json: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [column, want] of Object.entries(expected)) {
    const got = row[`${prefix}${column}`];
    const same = json.includes(column) ? typeof got === 'string' && canonicalText(got) === want : got === want;
    if (!same) out.push(`${prefix}${column} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return out;
}

const canonicalText = (text: string): string | undefined => {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return undefined;
  }
};
