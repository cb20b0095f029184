import type { StoredEvent } from '../../core/ledger/ledger-event.js';
import { CredenceError } from '../../core/errors.js';
import {
  CLIENT_COLUMNS, clientValues, EVENT_COLUMNS, eventValues, RECORD_COLUMNS, recordValues, RULEBOOK_COLUMNS, rulebookValues,
  SLOT_COLUMNS, slotValues, type Slot, type Value,
} from '../columns.js';
import type { StoredStanding } from '../rows.js';
import { assignSlots, BOTH_SLOT_COLUMNS, bothSlots, otherSlot, slotOf, slotVersion, type HeadRow } from '../slots.js';
import type { WriteTx } from '../store.js';
import { upsertSql } from '../upsert-sql.js';
import { sqliteReadTx } from './sqlite-read-tx.js';
import { sqliteTxSql } from './sqlite-tx-sql.js';
import type { SqliteStatements } from './sqlite-statements.js';

const qs = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const INSERT_EVENT = `insert into events (${EVENT_COLUMNS.join(', ')}) values (${qs(EVENT_COLUMNS.length)})`;
const UPSERT_RECORD = upsertSql('records', RECORD_COLUMNS, ['seq'], qs(RECORD_COLUMNS.length));
const UPSERT_CLIENT = upsertSql('clients', CLIENT_COLUMNS, ['id'], qs(CLIENT_COLUMNS.length));
const UPSERT_RULEBOOK = upsertSql('rulebooks', RULEBOOK_COLUMNS, ['version'], qs(RULEBOOK_COLUMNS.length));
const INSERT_SUBJECT = 'insert into subjects (id, kind, scheme, identifier, region, version) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing';
const BUMP_SUBJECT = 'update subjects set version = ? where id = ? and version = ?';
const INSERT_SUBJECT_WITH_SLOTS = `insert into subjects (id, kind, scheme, identifier, region, version, ${BOTH_SLOT_COLUMNS.join(', ')})
  values (${qs(6 + BOTH_SLOT_COLUMNS.length)}) on conflict (id) do nothing`;
const BUMP_SUBJECT_WITH_SLOTS = `update subjects set version = ?, ${BOTH_SLOT_COLUMNS.map((c) => `${c} = ?`).join(', ')} where id = ? and version = ?`;

/**
 * Writes one slot's standing; the subject's next change is the earlier of this slot's and the other
 * slot's, when the other holds a version in use. Parameters: the 7 slot values, the other slot's
 * version, this slot's next change three times, the subject id.
 */
const PUT_SLOT = (slot: Slot): string => {
  const o = otherSlot(slot);
  return `update subjects set ${SLOT_COLUMNS.map((c) => `${slot}_${c} = ?`).join(', ')},
    next_change_at = case when ${o}_version = ? and ${o}_next_change_at is not null
      then (case when ? is null then ${o}_next_change_at else min(?, ${o}_next_change_at) end) else ? end
    where id = ?`;
};
const PUT_SLOT_A = PUT_SLOT('a');
const PUT_SLOT_B = PUT_SLOT('b');

interface Row {
  readonly sql: string;
  readonly values: readonly Value[];
  /** The error when the row does not change exactly one row. */
  readonly error?: () => Error;
}

/** Sends rows in call order, one request per run of consecutive rows that share a statement. */
function sendInOrder(s: SqliteStatements, rows: readonly Row[]): void {
  for (let start = 0; start < rows.length;) {
    const sql = rows[start]?.sql;
    let end = start;
    while (end < rows.length && rows[end]?.sql === sql) end += 1;
    const run = rows.slice(start, end);
    const checked = run[0]?.error !== undefined;
    s.send(sql ?? '', run.map((r) => r.values), checked ? { changes: 1, error: (i) => run[i]?.error?.() ?? new Error('unexpected change count') } : undefined);
    start = end;
  }
}

/**
 * A write transaction on the SQLite writer connection; `finish` persists the head before COMMIT.
 * Bulk writes are sent without waiting (on the writer's thread they run while the caller prepares
 * more); a failed one, or a version conflict, fails the transaction at its next read or its commit.
 */
export function sqliteWriteTx(s: SqliteStatements, start: HeadRow): WriteTx & { finish(): void } {
  let head = start;
  const slotRows = (standings: readonly StoredStanding[]): Row[] => standings.map((x) => {
    const slot = slotOf(head, x.rulebookVersion);
    if (!slot) throw new Error(`rulebook ${x.rulebookVersion} is neither current nor staging`);
    const next = x.nextChangeAt;
    return {
      sql: slot === 'a' ? PUT_SLOT_A : PUT_SLOT_B,
      values: [...slotValues(x), slotVersion(head, otherSlot(slot)), next, next, next, x.subjectId],
      error: () => new Error(`standing for unknown subject ${x.subjectId}`),
    };
  });
  return {
    ...sqliteReadTx(s),
    head: () => Promise.resolve(head),
    appendEvents: (events) => {
      const stored: StoredEvent[] = [];
      const rows: Value[][] = [];
      let seq = head.nextSeq;
      for (const e of events) {
        rows.push(eventValues(seq, e));
        stored.push({ seq, recordedAt: e.recordedAt, actor: e.actor, event: e.event });
        seq += 1;
      }
      head = { ...head, nextSeq: seq };
      s.send(INSERT_EVENT, rows);
      return Promise.resolve(stored);
    },
    putSubjects: (changes) => {
      const rows: Row[] = [];
      for (const { subject: x, expected, version, standings = [] } of changes) {
        const conflict = (): Error => new CredenceError('version_conflict', `subject ${x.id} is no longer at version ${expected}`, { subjectId: x.id, expected });
        // One statement for the row and all its standings when they cover every rulebook in use.
        const slots = standings.length > 0 ? bothSlots(head, standings) : undefined;
        if (slots) {
          rows.push(expected === 0
            ? { sql: INSERT_SUBJECT_WITH_SLOTS, values: [x.id, x.kind, x.scheme, x.identifier, x.region, version, ...slots], error: conflict }
            : { sql: BUMP_SUBJECT_WITH_SLOTS, values: [version, ...slots, x.id, expected], error: conflict });
        } else {
          rows.push(expected === 0
            ? { sql: INSERT_SUBJECT, values: [x.id, x.kind, x.scheme, x.identifier, x.region, version], error: conflict }
            : { sql: BUMP_SUBJECT, values: [version, x.id, expected], error: conflict });
          rows.push(...slotRows(standings));
        }
      }
      sendInOrder(s, rows);
      return Promise.resolve();
    },
    putRecords: (records) => {
      s.send(UPSERT_RECORD, records.map(recordValues));
      return Promise.resolve();
    },
    putStandings: (standings) => Promise.resolve(sendInOrder(s, slotRows(standings))),
    putClient: (c) => Promise.resolve(void s.run(UPSERT_CLIENT, ...clientValues(c))),
    putRulebook: (b) => Promise.resolve(void s.run(UPSERT_RULEBOOK, ...rulebookValues(b))),
    setRulebooks: ({ current, staging }) => {
      const { slotA, slotB } = assignSlots(head, current, staging);
      head = { ...head, currentRulebook: current, stagingRulebook: staging, slotA, slotB };
      s.run('update ledger_head set current_rulebook = ?, staging_rulebook = ?, slot_a = ?, slot_b = ? where id = 1', current, staging, slotA, slotB);
      return Promise.resolve();
    },
    addRejections: (furnisherId, counts) => {
      s.send('insert into rejections (furnisher_id, code, count) values (?, ?, ?) on conflict (furnisher_id, code) do update set count = rejections.count + excluded.count',
        [...counts].map(([code, n]) => [furnisherId, code, n]));
      return Promise.resolve();
    },
    sql: sqliteTxSql(s),
    finish: () => {
      if (head.nextSeq !== start.nextSeq) s.send('update ledger_head set next_seq = ? where id = 1', [[head.nextSeq]]);
    },
  };
}
