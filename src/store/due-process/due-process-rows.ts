import type { Instant, RecordId, SubjectId } from '../../core/brand.js';
import type { Dispute, Restoration } from '../../core/disputes/index.js';

/** A dispute as projected: its folded timeline and the furnisher whose record it contests. */
export interface DisputeRow {
  readonly dispute: Dispute;
  readonly furnisherId: string;
}

export interface RestorationRow {
  readonly restoration: Restoration;
}

/** A file sent with a dispute, stored once per subject by its SHA-256. */
export interface EvidenceRow {
  readonly subjectId: SubjectId;
  readonly sha256: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly storedAt: Instant;
}

export interface StatementRow {
  readonly subjectId: SubjectId;
  readonly recordId: RecordId;
  readonly text: string;
  readonly attachedAt: Instant;
}

export type RecordChangeKind = 'corrected' | 'removed';

/** A correction or removal whose relying parties are still to be told; keyed by the event that made it. */
export interface NoticeJobRow {
  readonly seq: number;
  readonly subjectId: SubjectId;
  readonly recordId: RecordId;
  readonly change: RecordChangeKind;
  readonly replacementId: RecordId | null;
  readonly disputeId: string | null;
  readonly at: Instant;
}

export interface NoticedDecision {
  readonly decisionId: string;
  readonly at: Instant;
  readonly action: string;
  readonly outcome: 'allow' | 'deny';
}

/** What one relying party is told about one correction or removal. */
export interface NoticeRow {
  readonly id: string;
  readonly jobSeq: number;
  readonly clientId: string;
  readonly subjectId: SubjectId;
  readonly recordId: RecordId;
  readonly change: RecordChangeKind;
  readonly replacementId: RecordId | null;
  readonly disputeId: string | null;
  readonly decisions: readonly NoticedDecision[];
  readonly at: Instant;
}
