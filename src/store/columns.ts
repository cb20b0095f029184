import { clientId, subjectId } from '../core/brand.js';
import type { FurnishedRecord, LedgerEvent, StoredEvent } from '../core/ledger/ledger-event.js';
import type { RecordState } from '../core/record.js';
import type { Grade } from '../core/rulebook/model.js';
import type { ListMembership } from '../core/standing/model.js';
import type { SubjectKind } from '../core/subject.js';
import { recordIdFromSeq, recordSeqOf, seqFromRecordId } from './record-key.js';
import type { ClientRow, NewEvent, RulebookRow, StoredRecord, StoredStanding, SubjectRow } from './rows.js';

/**
 * Row <-> column mapping shared by both dialects, so SQLite and PostgreSQL store identical values:
 * instants as integer milliseconds, JSON as text (exact bytes kept), booleans as 0/1.
 */
type Row = Readonly<Record<string, unknown>>;
export type Value = string | number | null;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const EVENT_COLUMNS = ['seq', 'type', 'subject_id', 'record_seq', 'recorded_at', 'actor', 'payload'] as const;
export const eventValues = (seq: number, e: NewEvent): Value[] =>
  [seq, e.event.type, e.event.subjectId, recordSeqOf(e.event, seq), e.recordedAt, e.actor, JSON.stringify(e.event)];
export const eventFromRow = (r: Row): StoredEvent =>
  ({ seq: num(r.seq), recordedAt: num(r.recorded_at), actor: str(r.actor), event: JSON.parse(str(r.payload)) as StoredEvent['event'] });

export const subjectFromRow = (r: Row): SubjectRow => ({
  id: subjectId(str(r.id)), kind: str(r.kind) as SubjectKind, scheme: str(r.scheme), identifier: str(r.identifier), region: str(r.region), version: num(r.version),
});

export const RECORD_COLUMNS = [
  'seq', 'subject_id', 'type', 'occurred_at', 'furnisher_id', 'furnisher_ref', 'consent',
  'status', 'fulfilled_at', 'superseded_by', 'dispute_opened_at', 'dispute_verify_by', 'dispute_verified_at', 'dispute_closed_at',
  'restored_at',
] as const;

export const recordValues = (r: StoredRecord): Value[] => [
  r.seq, r.subjectId, r.type, r.occurredAt, r.furnisherId, r.furnisherRef,
  r.consent === undefined ? null : r.consent ? 1 : 0,
  r.status, r.fulfilledAt ?? null, r.supersededBy === null ? null : seqFromRecordId(r.supersededBy) ?? null,
  r.dispute?.openedAt ?? null, r.dispute?.verifyBy ?? null, r.dispute?.verifiedAt ?? null, r.dispute?.closedAt ?? null,
  r.restoredAt ?? null,
];

/** Selects records with the event that furnished them (`payload`), where their facts are. */
export const RECORD_SELECT = 'select r.*, e.payload from records r join events e on e.seq = r.seq';

/**
 * The events about the records of some subjects (`subjectIn`: the dialect's condition for a list), in
 * subject then log order. A furnishing is the event whose seq is its record's; the later events about
 * a record are found through `events_record_change`, an index that leaves furnishings out.
 */
export const eventsOfSql = (subjectIn: string): string => `
  select r.subject_id as record_subject, e.* from records r join events e on e.seq = r.seq
    where r.subject_id ${subjectIn} and e.record_seq = e.seq
  union all
  select r.subject_id as record_subject, e.* from records r join events e on e.record_seq = r.seq
    where r.subject_id ${subjectIn} and e.record_seq <> e.seq
  order by record_subject, seq`;

/** The furnished facts of a record, from the event that furnished it (a furnishing or a correction). */
function furnishedFacts(payload: unknown): Pick<FurnishedRecord, 'attributes' | 'legalBasis' | 'evidenceRef'> {
  const event = JSON.parse(str(payload)) as LedgerEvent;
  if (event.type === 'record.furnished') return event.record;
  if (event.type === 'record.corrected') return event.replacement;
  throw new Error(`event ${event.type} did not furnish a record`);
}

export function recordFromRow(r: Row): StoredRecord {
  const facts = furnishedFacts(r.payload);
  const consent = numOrNull(r.consent);
  const fulfilledAt = numOrNull(r.fulfilled_at);
  const openedAt = numOrNull(r.dispute_opened_at);
  const verifiedAt = numOrNull(r.dispute_verified_at);
  const closedAt = numOrNull(r.dispute_closed_at);
  const superseded = numOrNull(r.superseded_by);
  const restoredAt = numOrNull(r.restored_at);
  const seq = num(r.seq);
  return {
    id: recordIdFromSeq(seq),
    subjectId: subjectId(str(r.subject_id)),
    type: str(r.type),
    occurredAt: num(r.occurred_at),
    attributes: facts.attributes,
    legalBasis: facts.legalBasis,
    ...(facts.evidenceRef !== undefined ? { evidenceRef: facts.evidenceRef } : {}),
    furnisherId: str(r.furnisher_id),
    furnisherRef: str(r.furnisher_ref),
    status: str(r.status) as RecordState['status'],
    ...(fulfilledAt !== null ? { fulfilledAt } : {}),
    ...(consent !== null ? { consent: consent === 1 } : {}),
    ...(openedAt !== null
      ? { dispute: { openedAt, verifyBy: num(r.dispute_verify_by), ...(verifiedAt !== null ? { verifiedAt } : {}), ...(closedAt !== null ? { closedAt } : {}) } }
      : {}),
    ...(restoredAt !== null ? { restoredAt } : {}),
    supersededBy: superseded === null ? null : recordIdFromSeq(superseded),
    seq,
  };
}

/** The standing columns of one slot (`a_` or `b_` prefixed in the subjects table). */
export const SLOT_COLUMNS = ['version', 'points', 'grade', 'lists', 'measures', 'next_change_at', 'computed_at'] as const;
export type Slot = 'a' | 'b';
export const slotValues = (s: StoredStanding): Value[] =>
  [s.rulebookVersion, s.points, s.grade, JSON.stringify(s.lists), JSON.stringify(s.measureKeys), s.nextChangeAt, s.at];
export const standingFromSlot = (r: Row, slot: Slot): StoredStanding => ({
  subjectId: subjectId(str(r.id)),
  subjectKind: str(r.kind) as SubjectKind,
  at: num(r[`${slot}_computed_at`]),
  rulebookVersion: str(r[`${slot}_version`]),
  points: num(r[`${slot}_points`]),
  grade: str(r[`${slot}_grade`]) as Grade,
  lists: JSON.parse(str(r[`${slot}_lists`])) as ListMembership[],
  measureKeys: JSON.parse(str(r[`${slot}_measures`])) as number[],
  nextChangeAt: numOrNull(r[`${slot}_next_change_at`]),
});

export const CLIENT_COLUMNS = ['id', 'role', 'name', 'furnisher_kind', 'scope', 'status', 'registered_at', 'revoked_at'] as const;
export const clientValues = (c: ClientRow): Value[] =>
  [c.id, c.role, c.name, c.furnisherKind, JSON.stringify(c.scope), c.status, c.registeredAt, c.revokedAt];
export const clientFromRow = (r: Row): ClientRow => ({
  id: clientId(str(r.id)),
  role: str(r.role) as ClientRow['role'],
  name: str(r.name),
  furnisherKind: strOrNull(r.furnisher_kind),
  scope: JSON.parse(str(r.scope)) as ClientRow['scope'],
  status: str(r.status) as ClientRow['status'],
  registeredAt: num(r.registered_at),
  revokedAt: numOrNull(r.revoked_at),
});

export const RULEBOOK_COLUMNS = ['version', 'yaml', 'sha256', 'status', 'created_at', 'published_at'] as const;
export const rulebookValues = (b: RulebookRow): Value[] => [b.version, b.yaml, b.sha256, b.status, b.createdAt, b.publishedAt];
export const rulebookFromRow = (r: Row): RulebookRow => ({
  version: str(r.version), yaml: str(r.yaml), sha256: str(r.sha256), status: str(r.status) as RulebookRow['status'],
  createdAt: num(r.created_at), publishedAt: numOrNull(r.published_at),
});
