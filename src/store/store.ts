import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import type { StoredEvent } from '../core/ledger/ledger-event.js';
import type {
  ClientRow, EventStats, LedgerHead, NewEvent, RejectionCount, RulebookRow, StoredRecord, StoredStanding, SubjectChange, SubjectRow,
} from './rows.js';

export type TxSqlValue = string | number | null | readonly string[];
export type TxSqlRow = Readonly<Record<string, unknown>>;

/**
 * Plain SQL inside the transaction, for feature tables kept beside the ledger and written with its
 * events (src/store/due-process): `?` placeholders, the same text on both dialects.
 */
export interface TxSqlRead {
  /** SQL for "column is one of the strings bound to this one placeholder". */
  readonly inList: string;
  all(sql: string, params: readonly TxSqlValue[]): Promise<readonly TxSqlRow[]>;
}

export interface TxSqlWrite extends TxSqlRead {
  /** Runs a statement; resolves the number of rows it changed. */
  run(sql: string, params: readonly TxSqlValue[]): Promise<number>;
}

/**
 * Reads inside one consistent snapshot. Every subject-owned query names its subjects: none reads
 * another subject's rows, so the data can be partitioned by subject id.
 */
export interface ReadTx {
  head(): Promise<LedgerHead>;
  subjects(ids: readonly SubjectId[]): Promise<readonly SubjectRow[]>;
  /** Subjects in id order after `afterId` (exclusive), for batch jobs that visit everyone. */
  subjectPage(afterId: SubjectId | null, limit: number): Promise<readonly SubjectRow[]>;
  countSubjects(): Promise<number>;
  /** All records of these subjects, in furnishing order. */
  recordsOf(subjectIds: readonly SubjectId[]): Promise<readonly StoredRecord[]>;
  /** Records by id; ids that name no record are skipped. */
  records(ids: readonly RecordId[]): Promise<readonly StoredRecord[]>;
  /** A furnisher's records by its own refs (the idempotency key). */
  recordsByRef(furnisherId: string, refs: readonly string[]): Promise<readonly StoredRecord[]>;
  standings(subjectIds: readonly SubjectId[], rulebookVersion: string): Promise<readonly StoredStanding[]>;
  countStandings(rulebookVersion: string): Promise<number>;
  /** Subjects whose standing (under a rulebook in use) changes by itself at or before `at`. */
  dueSubjects(at: Instant, limit: number): Promise<readonly SubjectId[]>;
  countDueSubjects(at: Instant): Promise<number>;
  /** Events with seq >= fromSeq, in order. */
  events(fromSeq: number, limit: number): Promise<readonly StoredEvent[]>;
  /** All events about these subjects' records, ordered by subject then seq. */
  eventsOf(subjectIds: readonly SubjectId[]): Promise<readonly StoredEvent[]>;
  eventStats(): Promise<EventStats>;
  client(id: string): Promise<ClientRow | undefined>;
  clients(): Promise<readonly ClientRow[]>;
  rulebook(version: string): Promise<RulebookRow | undefined>;
  rulebooks(): Promise<readonly RulebookRow[]>;
  rejections(furnisherId: string): Promise<readonly RejectionCount[]>;
  /** Queries on this snapshot for feature tables beside the ledger. */
  readonly sql: TxSqlRead;
}

/** A write transaction. It holds the ledger head for its whole life (a write ahead, from its commit on), so writers are serialized. */
export interface WriteTx extends ReadTx {
  /** Assigns the next gapless sequence numbers; they become visible only if the transaction commits. */
  appendEvents(events: readonly NewEvent[]): Promise<readonly StoredEvent[]>;
  /** Creates or bumps subjects; throws `version_conflict` when a subject's version is not `expected`. */
  putSubjects(changes: readonly SubjectChange[]): Promise<void>;
  /** Inserts or replaces records (the projection; the ledger itself is append-only). */
  putRecords(records: readonly StoredRecord[]): Promise<void>;
  /** Stores standings of existing subjects; each must be under the current or the staging rulebook. */
  putStandings(standings: readonly StoredStanding[]): Promise<void>;
  putClient(client: ClientRow): Promise<void>;
  putRulebook(rulebook: RulebookRow): Promise<void>;
  /**
   * Sets the rulebook in force and the one being published. Standings are kept for both; making the
   * staging version current is this one call, whatever the number of subjects.
   */
  setRulebooks(pointers: { readonly current: string | null; readonly staging: string | null }): Promise<void>;
  addRejections(furnisherId: string, counts: ReadonlyMap<string, number>): Promise<void>;
  /** Statements in this transaction for feature tables beside the ledger. */
  readonly sql: TxSqlWrite;
}

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store {
  readonly dialect: StoreDialect;
  /** Where the data lives, for messages (a file path or a URL without password). */
  readonly location: string;
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one write transaction and resolves after a durable commit. `fn` may run more than
   * once (retried on transient conflicts), so it must not have effects outside the transaction.
   */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL, for bulk import: runs `fn` in a write transaction that does not wait for the head lock
   * while `after` (a write of this store, its appends all made) still commits. It sees `after`'s head,
   * reads only what is committed, and must not write a row `after` still writes. At its commit it takes
   * the lock and commits only if the head is then the one it assumed; otherwise, and whenever it fails,
   * it rolls back and throws. Never retried; refused at once while another write waits for the lock.
   */
  writeAhead?<T>(after: WriteTx, fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
