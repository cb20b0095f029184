import type { ClientId, Instant, RecordId } from '../core/brand.js';
import type { ClientRole, ClientScope, LedgerEvent } from '../core/ledger/ledger-event.js';
import type { RecordState } from '../core/record.js';
import type { Standing } from '../core/standing/model.js';
import type { Subject } from '../core/subject.js';

/** A subject and the number of events appended about it (its version, for optimistic concurrency). */
export interface SubjectRow extends Subject {
  readonly version: number;
}

/**
 * A version change: `expected` is the version the writer read (0 for a subject it creates). With
 * `standings` (one per rulebook in use) the subject row and its standings are written together.
 */
export interface SubjectChange {
  readonly subject: Subject;
  readonly expected: number;
  readonly version: number;
  readonly standings?: readonly StoredStanding[];
}

/** The current state of a record, as projected from its events. */
export interface StoredRecord extends RecordState {
  /** The record that corrected this one, if any. */
  readonly supersededBy: RecordId | null;
  /** Sequence number of the event that furnished it. */
  readonly seq: number;
}

/**
 * A standing as stored for one rulebook version: no explanation (recomputed on demand), and the
 * measures in force by their positions in that version's `measures` (the rulebook says what each is).
 */
export type StoredStanding = Omit<Standing, 'explanation' | 'measures'> & { readonly measureKeys: readonly number[] };

export interface NewEvent {
  readonly event: LedgerEvent;
  readonly recordedAt: Instant;
  readonly actor: string;
}

export interface ClientRow {
  readonly id: ClientId;
  readonly role: ClientRole;
  readonly name: string;
  readonly furnisherKind: string | null;
  readonly scope: ClientScope;
  readonly status: 'active' | 'revoked';
  readonly registeredAt: Instant;
  readonly revokedAt: Instant | null;
}

export type RulebookStatus = 'draft' | 'staging' | 'published' | 'retired';

export interface RulebookRow {
  readonly version: string;
  readonly yaml: string;
  readonly sha256: string;
  readonly status: RulebookStatus;
  readonly createdAt: Instant;
  readonly publishedAt: Instant | null;
}

/** The single row that orders all writers: the next sequence number and which rulebook is in force. */
export interface LedgerHead {
  readonly nextSeq: number;
  readonly currentRulebook: string | null;
  /** A version being re-rated before it takes effect; writers keep its standings current too. */
  readonly stagingRulebook: string | null;
}

export interface EventStats {
  readonly count: number;
  readonly minSeq: number | null;
  readonly maxSeq: number | null;
}

export interface RejectionCount {
  readonly code: string;
  readonly count: number;
}
