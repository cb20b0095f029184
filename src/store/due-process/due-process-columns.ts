import { subjectId } from '../../core/brand.js';
import { disputePhase, type Dispute, type Restoration } from '../../core/disputes/index.js';
import { recordIdFromSeq, seqFromRecordId } from '../record-key.js';
import type { TxSqlRow, TxSqlValue } from '../store.js';
import type { DisputeRow, NoticeJobRow, NoticeRow, RecordChangeKind, RestorationRow, StatementRow } from './due-process-rows.js';

/** Row <-> column mapping of the due-process tables, shared by both dialects. */
const num = (v: unknown): number => Number(v);
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const seqOf = (id: string): number => {
  const seq = seqFromRecordId(id);
  if (seq === undefined) throw new Error(`"${id}" is not a record id`);
  return seq;
};
const idOrNull = (v: unknown): ReturnType<typeof recordIdFromSeq> | null => (v === null || v === undefined ? null : recordIdFromSeq(Number(v)));

/** The deadline of the step a dispute waits for: the furnisher's answer, the subject's appeal, the operator's decision. */
const disputeDue = (d: Dispute): number | null => (d.decision ? null : d.appeal ? d.appeal.decideBy : d.answer ? d.answer.appealBy : d.verifyBy);

export const DISPUTE_COLUMNS = ['id', 'subject_id', 'record_seq', 'furnisher_id', 'phase', 'due_at', 'opened_at', 'state'] as const;
export const disputeValues = ({ dispute: d, furnisherId }: DisputeRow): TxSqlValue[] =>
  [d.id, d.subjectId, seqOf(d.recordId), furnisherId, disputePhase(d), disputeDue(d), d.openedAt, JSON.stringify(d)];
export const disputeFromRow = (r: TxSqlRow): DisputeRow => ({ dispute: JSON.parse(str(r.state)) as Dispute, furnisherId: str(r.furnisher_id) });

export const RESTORATION_COLUMNS = ['id', 'subject_id', 'record_seq', 'phase', 'due_at', 'applied_at', 'state'] as const;
export const restorationValues = ({ restoration: x }: RestorationRow): TxSqlValue[] =>
  [x.id, x.subjectId, seqOf(x.recordId), x.decision ? 'decided' : 'pending', x.decision ? null : x.decideBy, x.appliedAt, JSON.stringify(x)];
export const restorationFromRow = (r: TxSqlRow): RestorationRow => ({ restoration: JSON.parse(str(r.state)) as Restoration });

export const STATEMENT_COLUMNS = ['record_seq', 'subject_id', 'text', 'attached_at'] as const;
export const statementValues = (s: StatementRow): TxSqlValue[] => [seqOf(s.recordId), s.subjectId, s.text, s.attachedAt];
export const statementFromRow = (r: TxSqlRow): StatementRow => ({
  recordId: recordIdFromSeq(num(r.record_seq)), subjectId: subjectId(str(r.subject_id)), text: str(r.text), attachedAt: num(r.attached_at),
});

export const NOTICE_JOB_COLUMNS = ['seq', 'subject_id', 'record_seq', 'change', 'replacement_seq', 'dispute_id', 'at'] as const;
export const noticeJobValues = (j: NoticeJobRow): TxSqlValue[] =>
  [j.seq, j.subjectId, seqOf(j.recordId), j.change, j.replacementId === null ? null : seqOf(j.replacementId), j.disputeId, j.at];
export const noticeJobFromRow = (r: TxSqlRow): NoticeJobRow => ({
  seq: num(r.seq), subjectId: subjectId(str(r.subject_id)), recordId: recordIdFromSeq(num(r.record_seq)), change: str(r.change) as RecordChangeKind,
  replacementId: idOrNull(r.replacement_seq), disputeId: strOrNull(r.dispute_id), at: num(r.at),
});

export const NOTICE_COLUMNS = ['id', 'job_seq', 'client_id', 'subject_id', 'record_seq', 'change', 'replacement_seq', 'dispute_id', 'decisions', 'at'] as const;
export const noticeValues = (n: NoticeRow): TxSqlValue[] => [
  n.id, n.jobSeq, n.clientId, n.subjectId, seqOf(n.recordId), n.change, n.replacementId === null ? null : seqOf(n.replacementId), n.disputeId,
  JSON.stringify(n.decisions), n.at,
];
export const noticeFromRow = (r: TxSqlRow): NoticeRow => ({
  id: str(r.id), jobSeq: num(r.job_seq), clientId: str(r.client_id), subjectId: subjectId(str(r.subject_id)), recordId: recordIdFromSeq(num(r.record_seq)),
  change: str(r.change) as RecordChangeKind, replacementId: idOrNull(r.replacement_seq), disputeId: strOrNull(r.dispute_id),
  decisions: JSON.parse(str(r.decisions)) as NoticeRow['decisions'], at: num(r.at),
});

export const insertSql = (table: string, columns: readonly string[]): string =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
