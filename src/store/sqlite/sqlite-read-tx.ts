import { subjectId } from '../../core/brand.js';
import {
  clientFromRow, eventFromRow, eventsOfSql, RECORD_SELECT, recordFromRow, rulebookFromRow, SLOT_COLUMNS, standingFromSlot, subjectFromRow, type Slot,
} from '../columns.js';
import { seqFromRecordId } from '../record-key.js';
import { headFromRow, slotOf, type HeadRow } from '../slots.js';
import type { ReadTx, TxSqlRead } from '../store.js';
import { jsonList, type SqliteStatements } from './sqlite-statements.js';
import { sqliteTxSql } from './sqlite-tx-sql.js';

const IN_LIST = 'in (select value from json_each(?))';
const EVENTS_OF = eventsOfSql(IN_LIST);
const SUBJECT = 'id, kind, scheme, identifier, region, version';
const SLOT_SELECT: Readonly<Record<Slot, string>> = {
  a: ['id', 'kind', ...SLOT_COLUMNS.map((c) => `a_${c}`)].join(', '),
  b: ['id', 'kind', ...SLOT_COLUMNS.map((c) => `b_${c}`)].join(', '),
};

export function sqliteHead(s: SqliteStatements): HeadRow {
  const r = s.get('select * from ledger_head where id = 1');
  if (!r) throw new Error('ledger_head row missing: the database was not migrated');
  return headFromRow(r);
}

/** The read queries over one SQLite connection (the read connection, or the writer's inside a write). */
export function sqliteReadTx(s: SqliteStatements): ReadTx {
  const seqs = (ids: readonly string[]): string => JSON.stringify(ids.map(seqFromRecordId).filter((n) => n !== undefined));
  return {
    head: () => Promise.resolve(sqliteHead(s)),
    subjects: (ids) => Promise.resolve(s.all(`select ${SUBJECT} from subjects where id ${IN_LIST}`, jsonList(ids)).map(subjectFromRow)),
    subjectPage: (afterId, limit) =>
      Promise.resolve(s.all(`select ${SUBJECT} from subjects where id > ? order by id limit ?`, afterId ?? '', limit).map(subjectFromRow)),
    countSubjects: () => Promise.resolve(Number(s.get('select count(*) as n from subjects')?.n ?? 0)),
    recordsOf: (subjectIds) =>
      Promise.resolve(s.all(`${RECORD_SELECT} where r.subject_id ${IN_LIST} order by r.subject_id, r.seq`, jsonList(subjectIds)).map(recordFromRow)),
    records: (ids) => Promise.resolve(s.all(`${RECORD_SELECT} where r.seq ${IN_LIST}`, seqs(ids)).map(recordFromRow)),
    recordsByRef: (furnisherId, refs) =>
      Promise.resolve(s.all(`${RECORD_SELECT} where r.furnisher_id = ? and r.furnisher_ref ${IN_LIST}`, furnisherId, jsonList(refs)).map(recordFromRow)),
    standings: (subjectIds, version) => {
      const slot = slotOf(sqliteHead(s), version);
      if (!slot) return Promise.resolve([]);
      // Only the slot asked for: half the columns of a wide row, the hot path of checks that miss the cache.
      return Promise.resolve(s.all(`select ${SLOT_SELECT[slot]} from subjects where ${slot}_version = ? and id ${IN_LIST}`, version, jsonList(subjectIds))
        .map((r) => standingFromSlot(r, slot)));
    },
    countStandings: (version) => {
      const slot = slotOf(sqliteHead(s), version);
      return Promise.resolve(slot ? Number(s.get(`select count(*) as n from subjects where ${slot}_version = ?`, version)?.n ?? 0) : 0);
    },
    dueSubjects: (at, limit) =>
      Promise.resolve(s.all('select id from subjects where next_change_at <= ? order by next_change_at, id limit ?', at, limit)
        .map((r) => subjectId(String(r.id)))),
    countDueSubjects: (at) => Promise.resolve(Number(s.get('select count(*) as n from subjects where next_change_at <= ?', at)?.n ?? 0)),
    events: (fromSeq, limit) => Promise.resolve(s.all('select * from events where seq >= ? order by seq limit ?', fromSeq, limit).map(eventFromRow)),
    eventsOf: (subjectIds) => {
      const ids = jsonList(subjectIds);
      return Promise.resolve(s.all(EVENTS_OF, ids, ids).map(eventFromRow));
    },
    eventStats: () => {
      const r = s.get('select count(*) as n, min(seq) as lo, max(seq) as hi from events');
      return Promise.resolve({ count: Number(r?.n ?? 0), minSeq: r?.lo == null ? null : Number(r.lo), maxSeq: r?.hi == null ? null : Number(r.hi) });
    },
    client: (id) => Promise.resolve(mapOne(s.get('select * from clients where id = ?', id), clientFromRow)),
    clients: () => Promise.resolve(s.all('select * from clients order by id').map(clientFromRow)),
    rulebook: (version) => Promise.resolve(mapOne(s.get('select * from rulebooks where version = ?', version), rulebookFromRow)),
    rulebooks: () => Promise.resolve(s.all('select * from rulebooks order by created_at, version').map(rulebookFromRow)),
    rejections: (furnisherId) =>
      Promise.resolve(s.all('select code, count from rejections where furnisher_id = ? order by code', furnisherId)
        .map((r) => ({ code: String(r.code), count: Number(r.count) }))),
    sql: readOnly(sqliteTxSql(s)),
  };
}

/** Only the reads: a read transaction never writes, even through feature tables. */
const readOnly = ({ inList, all }: TxSqlRead): TxSqlRead => ({ inList, all });

const mapOne = <T>(row: Record<string, unknown> | undefined, f: (r: Record<string, unknown>) => T): T | undefined => (row ? f(row) : undefined);
