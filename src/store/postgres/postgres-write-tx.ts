import type { StoredEvent } from '../../core/ledger/ledger-event.js';
import { CredenceError } from '../../core/errors.js';
import {
  CLIENT_COLUMNS, clientValues, EVENT_COLUMNS, eventValues, RECORD_COLUMNS, recordValues, RULEBOOK_COLUMNS, rulebookValues,
  SLOT_COLUMNS, slotValues, type Slot, type Value,
} from '../columns.js';
import type { StoredRecord, StoredStanding } from '../rows.js';
import { assignSlots, BOTH_SLOT_COLUMNS, bothSlots, otherSlot, slotOf, slotVersion, type HeadRow } from '../slots.js';
import type { WriteTx } from '../store.js';
import { upsertSql } from '../upsert-sql.js';
import { postgresReadTx } from './postgres-read-tx.js';
import { postgresTxSql } from './postgres-tx-sql.js';
import { columnsOf, unnestOf, type PostgresWriteStatements } from './postgres-statements.js';

/** The type of each of RECORD_COLUMNS, in order. */
const RECORD_TYPES = [
  'bigint', 'text', 'text', 'bigint', 'text', 'text', 'smallint',
  'text', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint',
] as const satisfies { readonly length: typeof RECORD_COLUMNS.length };
const SLOT_TYPES = ['text', 'integer', 'text', 'text', 'text', 'bigint', 'bigint'];
const ph = (n: number): string => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

const UPSERT_RECORDS = upsertSql('records', RECORD_COLUMNS, ['seq'], `select * from ${unnestOf(RECORD_TYPES)}`);
const UPSERT_CLIENT = upsertSql('clients', CLIENT_COLUMNS, ['id'], ph(CLIENT_COLUMNS.length));
const UPSERT_RULEBOOK = upsertSql('rulebooks', RULEBOOK_COLUMNS, ['version'], ph(RULEBOOK_COLUMNS.length));
const INSERT_SUBJECTS = `insert into subjects (id, kind, scheme, identifier, region, version)
  select * from ${unnestOf(['text', 'text', 'text', 'text', 'text', 'bigint'])} on conflict (id) do nothing`;
const BUMP_SUBJECTS = `update subjects s set version = u.version from ${unnestOf(['text', 'bigint', 'bigint'])} as u(id, version, expected)
  where s.id = u.id and s.version = u.expected`;

const BOTH_SLOT_TYPES = [...SLOT_TYPES, ...SLOT_TYPES, 'bigint'];
const SUBJECT_WITH_SLOTS_COLUMNS = ['id', 'kind', 'scheme', 'identifier', 'region', 'version', ...BOTH_SLOT_COLUMNS];
const existingSubject = (error: unknown): never => {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505' && 'constraint' in error && error.constraint === 'subjects_pkey') {
    throw new CredenceError('version_conflict', 'a subject this write expected to create exists already');
  }
  throw error;
};
const BUMP_SUBJECTS_WITH_SLOTS = `update subjects s set version = u.version, ${BOTH_SLOT_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')}
  from ${unnestOf(['text', 'bigint', 'bigint', ...BOTH_SLOT_TYPES])} as u(id, version, expected, ${BOTH_SLOT_COLUMNS.join(', ')})
  where s.id = u.id and s.version = u.expected`;

/** Writes one slot for many subjects; next_change_at is the earlier of both slots when the other holds a version in use ($9). */
const PUT_SLOT = (slot: Slot): string => {
  const o = otherSlot(slot);
  return `update subjects s set ${SLOT_COLUMNS.map((c) => `${slot}_${c} = u.${c}`).join(', ')},
    next_change_at = case when s.${o}_version = $9 then least(u.next_change_at, s.${o}_next_change_at) else u.next_change_at end
    from ${unnestOf([...SLOT_TYPES, 'text'])} as u(${SLOT_COLUMNS.join(', ')}, id) where s.id = u.id`;
};
const PUT_SLOT_SQL = { a: PUT_SLOT('a'), b: PUT_SLOT('b') };

/** One update per row: a multi-row statement may not touch the same row twice, so the last change wins. */
const lastPerKey = <T>(rows: readonly T[], key: (r: T) => string): T[] => [...new Map(rows.map((r) => [key(r), r])).values()];

/** A write transaction on PostgreSQL from `start`: the caller holds the ledger head row lock, or takes it to commit (a write ahead). */
export function postgresWriteTx(s: PostgresWriteStatements, start: HeadRow): WriteTx & { finish(): Promise<void>; currentHead(): HeadRow } {
  let head = start;
  /** Seqs of the records this transaction has written. */
  const written = new Set<number>();
  const putSlots = async (standings: readonly StoredStanding[]): Promise<void> => {
    const bySlot: Record<Slot, StoredStanding[]> = { a: [], b: [] };
    for (const x of standings) {
      const slot = slotOf(head, x.rulebookVersion);
      if (!slot) throw new Error(`rulebook ${x.rulebookVersion} is neither current nor staging`);
      bySlot[slot].push(x);
    }
    for (const slot of ['a', 'b'] as const) {
      const rows = lastPerKey(bySlot[slot], (x) => x.subjectId).map((x) => [...slotValues(x), x.subjectId]);
      if (rows.length === 0) continue;
      const changed = await s.run(PUT_SLOT_SQL[slot], ...columnsOf(rows, SLOT_COLUMNS.length + 1), slotVersion(head, otherSlot(slot)));
      if (changed !== rows.length) throw new Error('standing for an unknown subject');
    }
  };
  return {
    ...postgresReadTx(s),
    head: () => Promise.resolve(head),
    appendEvents: async (events) => {
      if (events.length === 0) return [];
      const stored: StoredEvent[] = [];
      const rows: Value[][] = [];
      let seq = head.nextSeq;
      for (const e of events) {
        rows.push(eventValues(seq, e));
        stored.push({ seq, recordedAt: e.recordedAt, actor: e.actor, event: e.event });
        seq += 1;
      }
      // Numbers are taken at the call, so appends issued without waiting for each other never share one.
      head = { ...head, nextSeq: seq };
      const copied = await s.copy('events', EVENT_COLUMNS, rows);
      if (copied !== rows.length) throw new Error(`${copied} of ${rows.length} events were appended`);
      return stored;
    },
    putSubjects: async (changes) => {
      // Rows and their standings in one statement when the standings cover every rulebook in use.
      const rows = { created: [] as Value[][], bumped: [] as Value[][], createdWithSlots: [] as Value[][], bumpedWithSlots: [] as Value[][] };
      const leftover: StoredStanding[] = [];
      for (const { subject: x, expected, version, standings = [] } of changes) {
        const slots = standings.length > 0 ? bothSlots(head, standings) : undefined;
        if (!slots) leftover.push(...standings);
        if (expected === 0) (slots ? rows.createdWithSlots : rows.created).push([x.id, x.kind, x.scheme, x.identifier, x.region, version, ...(slots ?? [])]);
        else (slots ? rows.bumpedWithSlots : rows.bumped).push([x.id, version, expected, ...(slots ?? [])]);
      }
      let changed = 0;
      const both = BOTH_SLOT_COLUMNS.length;
      if (rows.created.length > 0) changed += await s.run(INSERT_SUBJECTS, ...columnsOf(rows.created, 6));
      if (rows.bumped.length > 0) changed += await s.run(BUMP_SUBJECTS, ...columnsOf(rows.bumped, 3));
      // New subjects with their standings are appended by COPY; one that exists already is a version conflict.
      if (rows.createdWithSlots.length > 0) changed += await s.copy('subjects', SUBJECT_WITH_SLOTS_COLUMNS, rows.createdWithSlots).catch(existingSubject);
      if (rows.bumpedWithSlots.length > 0) changed += await s.run(BUMP_SUBJECTS_WITH_SLOTS, ...columnsOf(rows.bumpedWithSlots, 3 + both));
      if (changed !== changes.length) {
        throw new CredenceError('version_conflict', 'a subject changed since the version this write expected',
          { subjectIds: changes.map((c) => c.subject.id) });
      }
      await putSlots(leftover);
    },
    putRecords: async (records) => {
      // Records first written by this transaction are appended by COPY; changed ones are upserted.
      const fresh: Value[][] = [];
      const changed: StoredRecord[] = [];
      for (const r of records) {
        if (r.seq >= start.nextSeq && !written.has(r.seq)) fresh.push(recordValues(r));
        else changed.push(r);
        written.add(r.seq);
      }
      const writes: Promise<unknown>[] = [];
      if (fresh.length > 0) writes.push(s.copy('records', RECORD_COLUMNS, fresh));
      if (changed.length > 0) writes.push(s.run(UPSERT_RECORDS, ...columnsOf(lastPerKey(changed, (r) => r.id).map(recordValues), RECORD_COLUMNS.length)));
      await Promise.all(writes);
    },
    putStandings: (standings) => putSlots(standings),
    putClient: async (c) => void await s.run(UPSERT_CLIENT, ...clientValues(c)),
    putRulebook: async (b) => void await s.run(UPSERT_RULEBOOK, ...rulebookValues(b)),
    setRulebooks: async ({ current, staging }) => {
      const { slotA, slotB } = assignSlots(head, current, staging);
      head = { ...head, currentRulebook: current, stagingRulebook: staging, slotA, slotB };
      await s.run('update ledger_head set current_rulebook = $1, staging_rulebook = $2, slot_a = $3, slot_b = $4 where id = 1', current, staging, slotA, slotB);
    },
    addRejections: async (furnisherId, counts) => {
      if (counts.size === 0) return;
      await s.run(`insert into rejections (furnisher_id, code, count) select $1, * from unnest($2::text[], $3::bigint[])
        on conflict (furnisher_id, code) do update set count = rejections.count + excluded.count`,
      furnisherId, [...counts.keys()], [...counts.values()]);
    },
    sql: postgresTxSql(s),
    currentHead: () => head,
    finish: async () => {
      if (head.nextSeq !== start.nextSeq) await s.run('update ledger_head set next_seq = $1 where id = 1', head.nextSeq);
    },
  };
}
