import type { ClientId, DecisionId, Instant, SubjectId } from '../core/brand.js';
import type { CheckContext, DecisionReason } from '../core/decision/model.js';
import type { ItemResult } from '../core/ledger/item-result.js';
import type { StoreDialect } from './store.js';
import type { WebhookStore } from './webhook-store.js';

/** One API key of a client. Only the SHA-256 of the key is stored; `prefix` is a short, harmless hint for humans. */
export interface ApiKeyRow {
  readonly id: string;
  readonly clientId: ClientId;
  readonly hash: string;
  readonly prefix: string;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
  readonly lastUsedAt: Instant | null;
  /** Null: issued on the host and held by its client alone; else the client whose key issued it (through any chain of keys). */
  readonly controlledBy: ClientId | null;
}

/** A subject's login credential, set at enrolment: an scrypt hash, never the password. */
export interface SubjectLoginRow {
  readonly subjectId: SubjectId;
  readonly passwordHash: string;
  readonly enrolledAt: Instant;
  readonly enrolledBy: string;
}

/** A subject's session; the token is stored as its SHA-256 only. */
export interface SessionRow {
  readonly tokenHash: string;
  readonly subjectId: SubjectId;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
}

/** One decision given to a relying party: who asked, when, about whom, for what, and what it was told. */
export interface InquiryRow {
  readonly id: DecisionId;
  readonly subjectId: SubjectId;
  readonly clientId: ClientId;
  /** The API key the check came with; null for an inquiry recorded before keys were noted. */
  readonly keyId: string | null;
  readonly at: Instant;
  readonly action: string;
  readonly purpose: string;
  readonly context: CheckContext;
  readonly outcome: 'allow' | 'deny';
  readonly benefits: readonly string[];
  readonly reasons: readonly DecisionReason[];
  readonly rulebookVersion: string;
}

/** What a submission was: a batch of records, a change of one record the furnisher made, or its answer to a dispute of one. */
export type SubmissionKind = 'records' | 'fulfilment' | 'correction' | 'retraction' | 'dispute_answer';

/** The result of a record change, as its route answered it. */
export interface SubmittedChange {
  readonly recordId: string;
  readonly subjectId: string;
  readonly status: string;
  /** The subject's version after the change (not given for a dispute answer). */
  readonly version?: number;
  readonly replacementId?: string;
  /** For a dispute answer, the dispute. */
  readonly disputeId?: string;
  readonly duplicate: boolean;
}

/** One furnishing batch as the furnisher sent it and what became of each item, or one record change. */
export interface SubmissionRow {
  readonly id: string;
  readonly clientId: ClientId;
  /** The API key it came with; null for a submission recorded before keys were noted. */
  readonly keyId: string | null;
  readonly kind: SubmissionKind;
  readonly at: Instant;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly items: readonly ItemResult[];
  /** For a record change, its result; null for a batch. */
  readonly change: SubmittedChange | null;
}

/** A step in a rulebook version's review: who uploaded the draft and who approved it. */
export interface RulebookReviewRow {
  readonly version: string;
  readonly clientId: ClientId;
  readonly step: 'drafted' | 'approved';
  readonly at: Instant;
  /** Who controls the key the step was taken with (its `controlledBy`, or the client itself). */
  readonly controlledBy: ClientId;
}

/** A subject's file opened by someone other than the subject (an operator's lookup). */
export interface FileReadRow {
  readonly subjectId: SubjectId;
  readonly clientId: ClientId;
  readonly at: Instant;
}

/**
 * The service's own tables beside the ledger: credentials, sessions, the inquiry log, furnishing
 * submissions and rulebook reviews. Not ledger events; every row names the client or subject it is about.
 */
export interface ServiceStore {
  readonly dialect: StoreDialect;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;

  putApiKey(key: ApiKeyRow): Promise<void>;
  apiKeyByHash(hash: string): Promise<ApiKeyRow | undefined>;
  apiKeysOf(clientId: ClientId): Promise<readonly ApiKeyRow[]>;
  /** Revokes one key; returns 1, or 0 when it was revoked already or is not the client's. */
  revokeApiKey(clientId: ClientId, id: string, at: Instant): Promise<number>;
  /** Revokes every key of the client that is not revoked yet; returns how many. */
  revokeApiKeysOf(clientId: ClientId, at: Instant): Promise<number>;
  /** Records the latest use of each key (batched: uses are noted in memory and written now and then). */
  touchApiKeys(lastUse: ReadonlyMap<string, Instant>): Promise<void>;

  putSubjectLogin(login: SubjectLoginRow): Promise<void>;
  subjectLogin(subjectId: SubjectId): Promise<SubjectLoginRow | undefined>;
  /** Sets a new hash only if the stored one is still `expected` (no change of password came in between); true when it did. */
  replacePasswordHash(subjectId: SubjectId, expected: string, next: string): Promise<boolean>;
  putSession(session: SessionRow): Promise<void>;
  session(tokenHash: string): Promise<SessionRow | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the subject (re-enrolment); returns how many. */
  deleteSessionsOf(subjectId: SubjectId): Promise<number>;
  /** Ends every session of the subject but the one with this token hash (a password change); returns how many. */
  deleteOtherSessions(subjectId: SubjectId, keepTokenHash: string): Promise<number>;
  /** Deletes sessions that expired before `at`; returns how many. */
  pruneSessions(at: Instant): Promise<number>;

  /** Appends inquiries in one durable transaction: resolves only after the commit. */
  appendInquiries(inquiries: readonly InquiryRow[]): Promise<void>;
  inquiry(id: DecisionId): Promise<InquiryRow | undefined>;
  /** Inquiries about one subject, newest first. */
  inquiriesAbout(subjectId: SubjectId, limit: number): Promise<readonly InquiryRow[]>;
  /** How many inquiries a client was answered (all clients when null). */
  countInquiries(clientId: ClientId | null): Promise<number>;
  /** Of these subjects, those the client asked about at or after `since`. */
  checkedBy(clientId: ClientId, subjectIds: readonly SubjectId[], since: Instant): Promise<readonly SubjectId[]>;

  putSubmission(submission: SubmissionRow): Promise<void>;
  submission(id: string): Promise<SubmissionRow | undefined>;
  /** A client's submissions, newest first, strictly before `before` (an id) when given. */
  submissionsOf(clientId: ClientId, before: string | null, limit: number): Promise<readonly SubmissionRow[]>;

  putRulebookReview(review: RulebookReviewRow): Promise<void>;
  /** Notes that a client opened a subject's file; the subject sees it with its file. */
  putFileRead(read: FileReadRow): Promise<void>;
  /** Who opened the subject's file, newest first. */
  fileReadsOf(subjectId: SubjectId, limit: number): Promise<readonly FileReadRow[]>;
  rulebookReviews(version: string): Promise<readonly RulebookReviewRow[]>;

  /** Relying parties' webhooks and their deliveries. */
  readonly webhooks: WebhookStore;

  close(): Promise<void>;
}
