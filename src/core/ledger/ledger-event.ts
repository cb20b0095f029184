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
  /**
   * The furnisher certified the record as accurate although a record with the same identity was
   * removed after a dispute (src/core/disputes/reinsertion-key.ts); without it such a record is refused.
   */
  readonly certified?: boolean;
}

/** A file the subject sent with a dispute: stored once by its SHA-256 (hex), beside the ledger. */
export interface EvidenceRef {
  readonly sha256: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
}

export type DisputeAnswer = 'confirmed' | 'corrected' | 'retracted';
export type AppealOutcome = 'upheld' | 'overturned';
export type RestorationOutcome = 'granted' | 'refused';

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
  /** The subject contests the record; the furnisher must answer by `verifyBy` or the record stops counting then. */
  | {
    readonly type: 'dispute.opened'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly disputeId: string;
    readonly openedAt: Instant; readonly verifyBy: Instant; readonly grounds: string; readonly evidence: readonly EvidenceRef[];
  }
  /**
   * The furnisher's answer. `confirmed`: the record counts again. `corrected` and `retracted` are
   * followed, in the same transaction, by the `record.corrected` / `record.retracted` event that does it
   * (`replacementId` names the corrected record). The subject may appeal until `appealBy`.
   */
  | {
    readonly type: 'dispute.answered'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly disputeId: string;
    readonly answer: DisputeAnswer; readonly explanation: string; readonly answeredAt: Instant; readonly appealBy: Instant; readonly replacementId?: RecordId;
  }
  | {
    readonly type: 'dispute.appealed'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly disputeId: string;
    readonly grounds: string; readonly appealedAt: Instant; readonly decideBy: Instant;
  }
  /** The operator's binding decision; `overturned` is followed by the `record.retracted` of `removedRecordId`. */
  | {
    readonly type: 'dispute.decided'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly disputeId: string;
    readonly outcome: AppealOutcome; readonly reason: string; readonly decidedAt: Instant; readonly removedRecordId?: RecordId;
  }
  /** The subject asks to end a publicity listing the record causes before its maximum term. */
  | {
    readonly type: 'restoration.applied'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly restorationId: string;
    readonly listId: string; readonly grounds: string; readonly appliedAt: Instant; readonly decideBy: Instant;
  }
  /** `granted`: the record's publicity listings end at `decidedAt`; its points are not changed. */
  | {
    readonly type: 'restoration.decided'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly restorationId: string;
    readonly outcome: RestorationOutcome; readonly reason: string; readonly decidedAt: Instant;
  }
  /** The subject's own short statement on the record (replaces an earlier one). */
  | { readonly type: 'statement.attached'; readonly subjectId: SubjectId; readonly recordId: RecordId; readonly text: string; readonly attachedAt: Instant }
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
