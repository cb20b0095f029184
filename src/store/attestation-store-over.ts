import { subjectId } from '../core/brand.js';
import type { AttestationClaims } from '../core/attestation/index.js';
import type { AttestationRow, AttestationStore } from './attestation-store.js';
import type { SqlExec, SqlRow, SqlValue } from './service-sql.js';

/** What the attestation store needs of a dialect: `?`-placeholder statements. */
export type AttestationSql = Pick<SqlExec, 'dialect' | 'all' | 'run' | 'close'>;

const COLUMNS = ['id', 'subject_id', 'kid', 'issued_at', 'expires_at', 'audience', 'revoked_at', 'claims'] as const;
const INSERT = `insert into attestations (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`;

const values = (a: AttestationRow): SqlValue[] =>
  [a.id, a.subjectId, a.kid, a.issuedAt, a.expiresAt, a.audience, a.revokedAt, JSON.stringify(a.claims)];
const fromRow = (r: SqlRow): AttestationRow => ({
  id: String(r.id), subjectId: subjectId(String(r.subject_id)), kid: String(r.kid), issuedAt: Number(r.issued_at),
  expiresAt: Number(r.expires_at), audience: r.audience === null || r.audience === undefined ? null : String(r.audience),
  revokedAt: r.revoked_at === null || r.revoked_at === undefined ? null : Number(r.revoked_at),
  claims: JSON.parse(String(r.claims)) as AttestationClaims,
});

/** The attestation store over either dialect: the SQL is the same text on SQLite and PostgreSQL. */
export function attestationStoreOver(x: AttestationSql): AttestationStore {
  return {
    dialect: x.dialect,
    putAttestation: async (a) => void (await x.run(INSERT, values(a))),
    attestation: async (id) => {
      const [row] = await x.all('select * from attestations where id = ?', [id]);
      return row ? fromRow(row) : undefined;
    },
    attestationsOf: async (subject, limit) =>
      (await x.all('select * from attestations where subject_id = ? order by issued_at desc, id desc limit ?', [subject, limit])).map(fromRow),
    countLive: async (subject, at) => Number((await x.all(
      'select count(*) as n from attestations where subject_id = ? and expires_at > ? and revoked_at is null', [subject, at],
    ))[0]?.n ?? 0),
    revokeAttestation: (subject, id, at) =>
      x.run('update attestations set revoked_at = ? where id = ? and subject_id = ? and revoked_at is null', [at, id, subject]),
    close: () => x.close(),
  };
}
