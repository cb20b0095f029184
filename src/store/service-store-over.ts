import type { SubjectId } from '../core/brand.js';
import { subjectId } from '../core/brand.js';
import {
  API_KEY_COLUMNS, apiKeyFromRow, apiKeyValues, fileReadFromRow, INQUIRY_COLUMNS, inquiryFromRow, inquiryValues, LOGIN_COLUMNS, loginFromRow, loginValues,
  REVIEW_COLUMNS, reviewFromRow, reviewValues, SESSION_COLUMNS, sessionFromRow, sessionValues, SUBMISSION_COLUMNS, submissionFromRow,
  submissionValues,
} from './service-columns.js';
import type { SqlExec, SqlRow } from './service-sql.js';
import type { ServiceStore } from './service-store.js';
import { upsertSql } from './upsert-sql.js';
import { webhookStoreOver } from './webhook-store-over.js';

const qs = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const first = <T>(rows: readonly SqlRow[], f: (r: SqlRow) => T): T | undefined => (rows[0] ? f(rows[0]) : undefined);

const UPSERT_KEY = upsertSql('api_keys', API_KEY_COLUMNS, ['id'], qs(API_KEY_COLUMNS.length));
const UPSERT_LOGIN = upsertSql('subject_logins', LOGIN_COLUMNS, ['subject_id'], qs(LOGIN_COLUMNS.length));
const INSERT_SESSION = `insert into sessions (${SESSION_COLUMNS.join(', ')}) values (${qs(SESSION_COLUMNS.length)})`;
const INSERT_SUBMISSION = `insert into submissions (${SUBMISSION_COLUMNS.join(', ')}) values (${qs(SUBMISSION_COLUMNS.length)})`;
const UPSERT_REVIEW = upsertSql('rulebook_reviews', REVIEW_COLUMNS, ['version', 'step', 'client_id'], qs(REVIEW_COLUMNS.length));

/** The service store over any dialect's `SqlExec`: the SQL is the same text on SQLite and PostgreSQL. */
export function serviceStoreOver(x: SqlExec): ServiceStore {
  return {
    dialect: x.dialect,
    ping: async () => {
      await x.all('select 1 as one', []);
    },
    putApiKey: async (k) => void (await x.run(UPSERT_KEY, apiKeyValues(k))),
    apiKeyByHash: async (hash) => first(await x.all('select * from api_keys where hash = ?', [hash]), apiKeyFromRow),
    apiKeysOf: async (id) => (await x.all('select * from api_keys where client_id = ? order by created_at, id', [id])).map(apiKeyFromRow),
    revokeApiKey: (client, id, at) => x.run('update api_keys set revoked_at = ? where id = ? and client_id = ? and revoked_at is null', [at, id, client]),
    revokeApiKeysOf: (id, at) => x.run('update api_keys set revoked_at = ? where client_id = ? and revoked_at is null', [at, id]),
    touchApiKeys: async (uses) => {
      for (const [id, at] of uses) {
        await x.run('update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)', [at, id, at]);
      }
    },

    putSubjectLogin: async (l) => void (await x.run(UPSERT_LOGIN, loginValues(l))),
    subjectLogin: async (id) => first(await x.all('select * from subject_logins where subject_id = ?', [id]), loginFromRow),
    replacePasswordHash: async (id, expected, next) =>
      (await x.run('update subject_logins set password_hash = ? where subject_id = ? and password_hash = ?', [next, id, expected])) === 1,
    putSession: async (s) => void (await x.run(INSERT_SESSION, sessionValues(s))),
    session: async (hash) => first(await x.all('select * from sessions where token_hash = ?', [hash]), sessionFromRow),
    deleteSession: async (hash) => void (await x.run('delete from sessions where token_hash = ?', [hash])),
    deleteSessionsOf: (id) => x.run('delete from sessions where subject_id = ?', [id]),
    deleteOtherSessions: (id, keep) => x.run('delete from sessions where subject_id = ? and token_hash <> ?', [id, keep]),
    pruneSessions: (at) => x.run('delete from sessions where expires_at < ?', [at]),

    appendInquiries: (rows) => x.insertMany('inquiries', INQUIRY_COLUMNS, rows.map(inquiryValues)),
    inquiry: async (id) => first(await x.all('select * from inquiries where id = ?', [id]), inquiryFromRow),
    inquiriesAbout: async (id, limit) =>
      (await x.all('select * from inquiries where subject_id = ? order by at desc, id desc limit ?', [id, limit])).map(inquiryFromRow),
    countInquiries: async (client) => Number((client === null
      ? await x.all('select count(*) as n from inquiries', [])
      : await x.all('select count(*) as n from inquiries where client_id = ?', [client]))[0]?.n ?? 0),
    checkedBy: async (client, subjects, since) => {
      if (subjects.length === 0) return [];
      const rows = await x.all(
        `select distinct subject_id from inquiries where subject_id ${x.inList} and client_id = ? and at >= ?`, [subjects, client, since],
      );
      return rows.map((r): SubjectId => subjectId(String(r.subject_id)));
    },

    putSubmission: async (s) => void (await x.run(INSERT_SUBMISSION, submissionValues(s))),
    submission: async (id) => first(await x.all('select * from submissions where id = ?', [id]), submissionFromRow),
    submissionsOf: async (client, before, limit) => (before === null
      ? await x.all('select * from submissions where client_id = ? order by id desc limit ?', [client, limit])
      : await x.all('select * from submissions where client_id = ? and id < ? order by id desc limit ?', [client, before, limit])
    ).map(submissionFromRow),

    putRulebookReview: async (v) => void (await x.run(UPSERT_REVIEW, reviewValues(v))),
    putFileRead: async (r) => void (await x.run('insert into file_reads (subject_id, client_id, at) values (?, ?, ?)', [r.subjectId, r.clientId, r.at])),
    fileReadsOf: async (id, limit) => (await x.all('select * from file_reads where subject_id = ? order by at desc limit ?', [id, limit])).map(fileReadFromRow),
    rulebookReviews: async (version) =>
      (await x.all('select * from rulebook_reviews where version = ? order by at, step', [version])).map(reviewFromRow),

    webhooks: webhookStoreOver(x),

    close: () => x.close(),
  };
}
