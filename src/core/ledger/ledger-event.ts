import type { ClientId, Instant, RecordId, SubjectId } from '../brand.js';
import type { Attributes } from '../record.js';
import type { SubjectKind } from '../subject.js';

/** A record as accepted into the ledger: validated, normalized, with its registry id. */
export interface FurnishedRecord {
  readonly recordId: RecordId;
  readonly subjectKind: SubjectKind;
  readonly type: string;
  readonly occurredAt: Instant;
  readonly attributes: Attributes;
  readonly legalBasis: string;
  readonly evidenceRef?: string;
  readonly furnisherId: string;
  readonly furnisherRef: string;
  readonly consent?: boolean;
}

export type ClientRole = 'furnisher' | 'relying_party' | 'auditor' | 'operator';

/** What a client may do: record types for furnishers, actions and purposes for relying parties. */
export interface ClientScope {
  readonly recordTypes?: readonly string[];
  readonly actions?: readonly string[];
  readonly purposes?: readonly string[];
}

/**
 * Every change to the registry is one of these, appended to the ledger and never edited.
 * A subject's records (and so its standing) are a fold of the record and dispute events that name it.
 */
export type LedgerEvent =
  | { readonly type: 'record.furnished'; readonly subjectId: SubjectId; readonly record: FurnishedRecord }
  | { readonly type: 'record.fulfilled'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly fulfilledAt: Instant }
  /** The old record stops counting; `replacement` is a new record (its own id) that supersedes it. */
  | { readonly type: 'record.corrected'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly replacement: FurnishedRecord; readonly reason: string }
  | { readonly type: 'record.retracted'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly reason: string }
  | { readonly type: 'dispute.opened'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly openedAt: Instant; readonly verifyBy: Instant; readonly statement: string }
  /** The furnisher verified the disputed record: it counts again. */
  | { readonly type: 'dispute.answered'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly verifiedAt: Instant; readonly answer: string }
  | { readonly type: 'dispute.closed'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly closedAt: Instant; readonly outcome: string }
  | { readonly type: 'rulebook.published'; readonly subjectId: null; readonly version: string; readonly sha256: string }
  | { readonly type: 'client.registered'; readonly subjectId: null; readonly clientId: ClientId; readonly role: ClientRole; readonly name: string; readonly furnisherKind?: string; readonly scope: ClientScope }
  | { readonly type: 'client.revoked'; readonly subjectId: null; readonly clientId: ClientId; readonly reason: string };

export type LedgerEventType = LedgerEvent['type'];

/** Events about one subject's records; the rest (rulebooks, clients) are global. */
export type SubjectEvent = Extract<LedgerEvent, { readonly subjectId: SubjectId }>;

/** An event as stored: its place in the gapless global sequence, when and by whom it was recorded. */
export interface StoredEvent {
  readonly seq: number;
  readonly recordedAt: Instant;
  /** The client (or operator) whose request caused the event. */
  readonly actor: string;
  readonly event: LedgerEvent;
}

export const isSubjectEvent = (e: LedgerEvent): e is SubjectEvent => e.subjectId !== null;
