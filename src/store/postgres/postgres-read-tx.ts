import { subjectId } from '../../core/brand.js';
import {
  clientFromRow, eventFromRow, eventsOfSql, RECORD_SELECT, recordFromRow, rulebookFromRow, standingFromSlot, subjectFromRow,
} from '../columns.js';
import { seqFromRecordId } from '../record-key.js';
import { headFromRow, slotOf, type HeadRow } from '../slots.js';
import type { ReadTx } from '../store.js';
import type { PostgresStatements } from './postgres-statements.js';
import { postgresTxSql } from './postgres-tx-sql.js';

const SUBJECT = 'id, kind, scheme, identifier, region, version';
const EVENTS_OF = eventsOfSql('= any($1::text[])');

export async function postgresHead(s: PostgresStatements): Promise<HeadRow> {
  const r = await s.get('select * from ledger_head where id = 1');
  if (!r) throw new Error('ledger_head row missing: the database was not migrated');
  return headFromRow(r);
}

/** The read queries over one PostgreSQL transaction (a read-only snapshot, or the writer's). */
export function postgresReadTx(s: PostgresStatements): ReadTx {
  const txSql = postgresTxSql(s); // read-only here: a read transaction never writes
  const seqs = (ids: readonly string[]): number[] => ids.map(seqFromRecordId).filter((n) => n !== undefined);
  return {
    head: () => postgresHead(s),
    subjects: async (ids) => (await s.all(`select ${SUBJECT} from subjects where id = any($1::text[])`, ids)).map(subjectFromRow),
    subjectPage: async (afterId, limit) =>
      (await s.all(`select ${SUBJECT} from subjects where id > $1 order by id limit $2`, afterId ?? '', limit)).map(subjectFromRow),
    countSubjects: async () => Number((await s.get('select count(*) as n from subjects'))?.n ?? 0),
    recordsOf: async (subjectIds) =>
      (await s.all(`${RECORD_SELECT} where r.subject_id = any($1::text[]) order by r.subject_id, r.seq`, subjectIds)).map(recordFromRow),
    records: async (ids) => (await s.all(`${RECORD_SELECT} where r.seq = any($1::bigint[])`, seqs(ids))).map(recordFromRow),
    recordsByRef: async (furnisherId, refs) =>
      (await s.all(`${RECORD_SELECT} where r.furnisher_id = $1 and r.furnisher_ref = any($2::text[])`, furnisherId, refs)).map(recordFromRow),
    standings: async (subjectIds, version) => {
      const slot = slotOf(await postgresHead(s), version);
      if (!slot) return [];
      return (await s.all(`select * from subjects where id = any($1::text[]) and ${slot}_version = $2`, subjectIds, version))
        .map((r) => standingFromSlot(r, slot));
    },
    countStandings: async (version) => {
      const slot = slotOf(await postgresHead(s), version);
      return slot ? Number((await s.get(`select count(*) as n from subjects where ${slot}_version = $1`, version))?.n ?? 0) : 0;
    },
    dueSubjects: async (at, limit) =>
      (await s.all('select id from subjects where next_change_at <= $1 order by next_change_at, id limit $2', at, limit))
        .map((r) => subjectId(String(r.id))),
    countDueSubjects: async (at) => Number((await s.get('select count(*) as n from subjects where next_change_at <= $1', at))?.n ?? 0),
    events: async (fromSeq, limit) => (await s.all('select * from events where seq >= $1 order by seq limit $2', fromSeq, limit)).map(eventFromRow),
    eventsOf: async (subjectIds) => (await s.all(EVENTS_OF, subjectIds)).map(eventFromRow),
    eventStats: async () => {
      const r = await s.get('select count(*) as n, min(seq) as lo, max(seq) as hi from events');
      return { count: Number(r?.n ?? 0), minSeq: r?.lo == null ? null : Number(r.lo), maxSeq: r?.hi == null ? null : Number(r.hi) };
    },
    client: async (id) => mapOne(await s.get('select * from clients where id = $1', id), clientFromRow),
    clients: async () => (await s.all('select * from clients order by id')).map(clientFromRow),
    rulebook: async (version) => mapOne(await s.get('select * from rulebooks where version = $1', version), rulebookFromRow),
    rulebooks: async () => (await s.all('select * from rulebooks order by created_at, version')).map(rulebookFromRow),
    rejections: async (furnisherId) =>
      (await s.all('select code, count from rejections where furnisher_id = $1 order by code', furnisherId))
        .map((r) => ({ code: String(r.code), count: Number(r.count) })),
    sql: { inList: txSql.inList, all: txSql.all },
  };
}

const mapOne = <T>(row: Record<string, unknown> | undefined, f: (r: Record<string, unknown>) => T): T | undefined => (row ? f(row) : undefined);
