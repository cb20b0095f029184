import type { SubjectId } from '../../core/brand.js';
import { upsertSql } from '../upsert-sql.js';
import type { TxSqlRead, TxSqlRow, TxSqlWrite } from '../store.js';
import {
  DISPUTE_COLUMNS, disputeFromRow, disputeValues, insertSql, NOTICE_COLUMNS, NOTICE_JOB_COLUMNS, noticeFromRow, noticeJobFromRow,
  noticeJobValues, noticeValues, RESTORATION_COLUMNS, restorationFromRow, restorationValues, seqOf, STATEMENT_COLUMNS, statementFromRow,
  statementValues,
} from './due-process-columns.js';
import type { DisputeRow, EvidenceRow, NoticeJobRow, NoticeRow, RestorationRow, StatementRow } from './due-process-rows.js';

const first = <T>(rows: readonly TxSqlRow[], f: (r: TxSqlRow) => T): T | undefined => (rows[0] ? f(rows[0]) : undefined);
const qs = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const UPSERT_DISPUTE = upsertSql('disputes', DISPUTE_COLUMNS, ['id'], qs(DISPUTE_COLUMNS.length));
const UPSERT_RESTORATION = upsertSql('restorations', RESTORATION_COLUMNS, ['id'], qs(RESTORATION_COLUMNS.length));
const UPSERT_STATEMENT = upsertSql('statements', STATEMENT_COLUMNS, ['record_seq'], qs(STATEMENT_COLUMNS.length));
const INSERT_EVIDENCE = 'insert into dispute_evidence (subject_id, sha256, media_type, size, content, stored_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing';
const INSERT_REMOVED = 'insert into removed_records (subject_id, identity, record_seq, removed_at) values (?, ?, ?, ?) on conflict do nothing';
const INSERT_JOB = `${insertSql('notice_jobs', NOTICE_JOB_COLUMNS)} on conflict do nothing`;
const INSERT_NOTICE = `${insertSql('correction_notices', NOTICE_COLUMNS)} on conflict do nothing`;

const b64 = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Reads of the due-process tables inside a ledger transaction. Every query names its subject or its client. */
export function dueProcessReads(x: TxSqlRead) {
  return {
    dispute: async (id: string): Promise<DisputeRow | undefined> => first(await x.all('select * from disputes where id = ?', [id]), disputeFromRow),
    disputesOf: async (subject: SubjectId): Promise<readonly DisputeRow[]> =>
      (await x.all('select * from disputes where subject_id = ? order by opened_at desc, id desc', [subject])).map(disputeFromRow),
    /** A furnisher's disputes in these phases, the most urgent first. */
    furnisherDisputes: async (furnisherId: string, phases: readonly string[], limit: number): Promise<readonly DisputeRow[]> =>
      (await x.all(`select * from disputes where furnisher_id = ? and phase ${x.inList} order by due_at, id limit ?`, [furnisherId, phases, limit])).map(disputeFromRow),
    disputesInPhase: async (phase: string, limit: number): Promise<readonly DisputeRow[]> =>
      (await x.all('select * from disputes where phase = ? order by due_at, id limit ?', [phase, limit])).map(disputeFromRow),
    evidence: async (subject: SubjectId, sha256: string): Promise<EvidenceRow | undefined> =>
      first(await x.all('select * from dispute_evidence where subject_id = ? and sha256 = ?', [subject, sha256]), (r) => ({
        subjectId: subject, sha256, mediaType: String(r.media_type), content: unb64(String(r.content)), storedAt: Number(r.stored_at),
      })),
    statementsOf: async (subject: SubjectId): Promise<readonly StatementRow[]> =>
      (await x.all('select * from statements where subject_id = ? order by record_seq', [subject])).map(statementFromRow),
    /** Which of these records carry a statement. */
    statementsFor: async (recordIds: readonly string[]): Promise<readonly StatementRow[]> => {
      const out: StatementRow[] = [];
      for (const id of new Set(recordIds)) {
        const row = first(await x.all('select * from statements where record_seq = ?', [seqOf(id)]), statementFromRow);
        if (row) out.push(row);
      }
      return out;
    },
    restoration: async (id: string): Promise<RestorationRow | undefined> =>
      first(await x.all('select * from restorations where id = ?', [id]), restorationFromRow),
    restorationsOf: async (subject: SubjectId): Promise<readonly RestorationRow[]> =>
      (await x.all('select * from restorations where subject_id = ? order by applied_at desc, id desc', [subject])).map(restorationFromRow),
    pendingRestorations: async (limit: number): Promise<readonly RestorationRow[]> =>
      (await x.all('select * from restorations where phase = ? order by due_at, id limit ?', ['pending', limit])).map(restorationFromRow),
    /** Identities (src/core/disputes/reinsertion-key.ts) of records removed after a dispute, for these subjects. */
    removedIdentities: async (subjects: readonly string[]): Promise<readonly { readonly subjectId: string; readonly identity: string }[]> =>
      subjects.length === 0 ? [] : (await x.all(`select distinct subject_id, identity from removed_records where subject_id ${x.inList}`, [subjects]))
        .map((r) => ({ subjectId: String(r.subject_id), identity: String(r.identity) })),
    pendingNoticeJobs: async (limit: number): Promise<readonly NoticeJobRow[]> =>
      (await x.all('select * from notice_jobs where done_at is null order by seq limit ?', [limit])).map(noticeJobFromRow),
    noticesFor: async (clientId: string, afterJobSeq: number, limit: number): Promise<readonly NoticeRow[]> =>
      (await x.all('select * from correction_notices where client_id = ? and job_seq > ? order by job_seq limit ?', [clientId, afterJobSeq, limit])).map(noticeFromRow),
    noticesAbout: async (subject: SubjectId): Promise<readonly NoticeRow[]> =>
      (await x.all('select * from correction_notices where subject_id = ? order by job_seq desc, id', [subject])).map(noticeFromRow),
  };
}

/** Reads and writes of the due-process tables inside a ledger write transaction (which may be retried: writes are idempotent). */
export function dueProcessWrites(x: TxSqlWrite) {
  return {
    ...dueProcessReads(x),
    putDispute: async (row: DisputeRow): Promise<void> => void (await x.run(UPSERT_DISPUTE, disputeValues(row))),
    putRestoration: async (row: RestorationRow): Promise<void> => void (await x.run(UPSERT_RESTORATION, restorationValues(row))),
    putStatement: async (row: StatementRow): Promise<void> => void (await x.run(UPSERT_STATEMENT, statementValues(row))),
    putEvidence: async (e: EvidenceRow): Promise<void> =>
      void (await x.run(INSERT_EVIDENCE, [e.subjectId, e.sha256, e.mediaType, e.content.length, b64(e.content), e.storedAt])),
    addRemovedIdentity: async (subject: SubjectId, identity: string, recordId: string, at: number): Promise<void> =>
      void (await x.run(INSERT_REMOVED, [subject, identity, seqOf(recordId), at])),
    addNoticeJob: async (job: NoticeJobRow): Promise<void> => void (await x.run(INSERT_JOB, noticeJobValues(job))),
    /** Stores a job's notices and marks it done, in the caller's transaction. */
    completeNoticeJob: async (seq: number, notices: readonly NoticeRow[], at: number): Promise<void> => {
      for (const n of notices) await x.run(INSERT_NOTICE, noticeValues(n));
      await x.run('update notice_jobs set done_at = ? where seq = ? and done_at is null', [at, seq]);
    },
  };
}

export type DueProcessReads = ReturnType<typeof dueProcessReads>;
export type DueProcessWrites = ReturnType<typeof dueProcessWrites>;
