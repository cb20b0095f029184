import { clientId, decisionId, subjectId } from '../core/brand.js';
import type { CheckContext, DecisionReason } from '../core/decision/model.js';
import type { ItemResult } from '../core/ledger/item-result.js';
import type {
  ApiKeyRow, FileReadRow, InquiryRow, RulebookReviewRow, SessionRow, SubjectLoginRow, SubmissionKind, SubmissionRow, SubmittedChange,
} from './service-store.js';
import type { SqlRow, SqlValue } from './service-sql.js';

/** Row <-> column mapping of the service tables, shared by both dialects. */
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);
const json = <T>(v: unknown): T => JSON.parse(str(v)) as T;

export const API_KEY_COLUMNS = ['id', 'client_id', 'hash', 'prefix', 'created_at', 'revoked_at', 'last_used_at', 'controlled_by'] as const;
export const apiKeyValues = (k: ApiKeyRow): SqlValue[] => [k.id, k.clientId, k.hash, k.prefix, k.createdAt, k.revokedAt, k.lastUsedAt, k.controlledBy];
export const apiKeyFromRow = (r: SqlRow): ApiKeyRow => ({
  id: str(r.id), clientId: clientId(str(r.client_id)), hash: str(r.hash), prefix: str(r.prefix), createdAt: num(r.created_at),
  revokedAt: numOrNull(r.revoked_at), lastUsedAt: numOrNull(r.last_used_at),
  controlledBy: r.controlled_by === null || r.controlled_by === undefined ? null : clientId(str(r.controlled_by)),
});

export const LOGIN_COLUMNS = ['subject_id', 'password_hash', 'enrolled_at', 'enrolled_by'] as const;
export const loginValues = (l: SubjectLoginRow): SqlValue[] => [l.subjectId, l.passwordHash, l.enrolledAt, l.enrolledBy];
export const loginFromRow = (r: SqlRow): SubjectLoginRow => ({
  subjectId: subjectId(str(r.subject_id)), passwordHash: str(r.password_hash), enrolledAt: num(r.enrolled_at), enrolledBy: str(r.enrolled_by),
});

export const SESSION_COLUMNS = ['token_hash', 'subject_id', 'created_at', 'expires_at'] as const;
export const sessionValues = (s: SessionRow): SqlValue[] => [s.tokenHash, s.subjectId, s.createdAt, s.expiresAt];
export const sessionFromRow = (r: SqlRow): SessionRow => ({
  tokenHash: str(r.token_hash), subjectId: subjectId(str(r.subject_id)), createdAt: num(r.created_at), expiresAt: num(r.expires_at),
});

export const INQUIRY_COLUMNS = [
  'id', 'subject_id', 'client_id', 'key_id', 'at', 'action', 'purpose', 'context', 'outcome', 'benefits', 'reasons', 'rulebook_version',
] as const;
export const inquiryValues = (q: InquiryRow): SqlValue[] => [
  q.id, q.subjectId, q.clientId, q.keyId, q.at, q.action, q.purpose, JSON.stringify(q.context), q.outcome, JSON.stringify(q.benefits),
  JSON.stringify(q.reasons), q.rulebookVersion,
];
export const inquiryFromRow = (r: SqlRow): InquiryRow => ({
  id: decisionId(str(r.id)), subjectId: subjectId(str(r.subject_id)), clientId: clientId(str(r.client_id)),
  keyId: r.key_id == null ? null : str(r.key_id), at: num(r.at),
  action: str(r.action), purpose: str(r.purpose), context: json<CheckContext>(r.context), outcome: str(r.outcome) as InquiryRow['outcome'],
  benefits: json<string[]>(r.benefits), reasons: json<DecisionReason[]>(r.reasons), rulebookVersion: str(r.rulebook_version),
});

export const SUBMISSION_COLUMNS = ['id', 'client_id', 'key_id', 'kind', 'at', 'accepted', 'duplicates', 'rejected', 'items', 'change'] as const;
export const submissionValues = (s: SubmissionRow): SqlValue[] =>
  [s.id, s.clientId, s.keyId, s.kind, s.at, s.accepted, s.duplicates, s.rejected, JSON.stringify(s.items), s.change === null ? null : JSON.stringify(s.change)];
/** A submission stored before kinds were noted was a batch of records. */
export const submissionFromRow = (r: SqlRow): SubmissionRow => ({
  id: str(r.id), clientId: clientId(str(r.client_id)), keyId: r.key_id == null ? null : str(r.key_id),
  kind: r.kind == null ? 'records' : (str(r.kind) as SubmissionKind), at: num(r.at), accepted: num(r.accepted), duplicates: num(r.duplicates),
  rejected: num(r.rejected), items: json<ItemResult[]>(r.items), change: r.change == null ? null : json<SubmittedChange>(r.change),
});

export const REVIEW_COLUMNS = ['version', 'step', 'client_id', 'at', 'controlled_by'] as const;
export const reviewValues = (v: RulebookReviewRow): SqlValue[] => [v.version, v.step, v.clientId, v.at, v.controlledBy];
/** A review recorded before keys had controllers was taken with a key its client held alone. */
export const reviewFromRow = (r: SqlRow): RulebookReviewRow => ({
  version: str(r.version), step: str(r.step) as RulebookReviewRow['step'], clientId: clientId(str(r.client_id)), at: num(r.at),
  controlledBy: clientId(str(r.controlled_by ?? r.client_id)),
});

export const fileReadFromRow = (r: SqlRow): FileReadRow => ({ subjectId: subjectId(str(r.subject_id)), clientId: clientId(str(r.client_id)), at: num(r.at) });
