import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { subjectId } from '../../core/brand.js';
import { generateRid } from '../../core/identifiers/index.js';
import { mulberry32 } from '../../core/random.js';
import { exampleAttributes } from '../../core/taxonomy/index.js';
import { DEFAULT_RULEBOOK_PATH, openLedger, recordTypesFor, type Ledger } from '../../ledger/index.js';
import { openSqliteStore } from '../sqlite/open-sqlite-store.js';
import type { Store } from '../store.js';
import type { LedgerMigrationName } from './migrate-to-latest.js';

const T0 = Date.UTC(2025, 0, 15);
const DEFAULTER = 'court.defaulter.refuses_to_perform';
const PERSON = generateRid(mulberry32(3), { birthYearMin: 1960, birthYearMax: 1990 });
const judgment = (ref: string, occurredAt = '2024-06-01'): Record<string, unknown> => ({
  furnisherRef: ref, subject: { scheme: 'cn-rid', identifier: PERSON }, type: DEFAULTER, occurredAt,
  attributes: exampleAttributes(DEFAULTER), legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1(1)',
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(file: string): Promise<{ store: Store; ledger: Ledger }> {
  const store = await openSqliteStore(file);
  const ledger = await openLedger(store, { defaultRulebook: readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'), at: T0 });
  return { store, ledger };
}

/** Reads the database file directly, outside the store. */
function inFile<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const columnsOfRecords = (file: string): string[] =>
  inFile(file, (db) => (db.prepare('select name from pragma_table_info(\'records\')').all() as { name: string }[]).map((c) => c.name));
const indexesOfEvents = (file: string): { name: string; sql: string | null }[] =>
  inFile(file, (db) => db.prepare('select name, sql from sqlite_master where type = \'index\' and tbl_name = \'events\' order by name').all() as { name: string; sql: string | null }[]);

async function withCourt(file: string): Promise<{ store: Store; ledger: Ledger }> {
  const opened = await open(file);
  await opened.ledger.registerClient({ id: 'court-1', role: 'furnisher', name: 'Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, T0);
  return opened;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'credence-upgrade-'));
  dirs.push(dir);
  return join(dir, 'credence.db');
}

/** What each migration changed, put back by hand (the migrations only go up), latest first. */
const UNDO: readonly (readonly [LedgerMigrationName, readonly string[]])[] = [
  ['004-furnishings-out-of-event-index', [
    'drop index events_record_change',
    'create index events_record on events (record_seq, seq) where record_seq is not null',
  ]],
  ['003-derived-payload-hash', [
    "alter table records add column payload_hash text not null default ''",
    "update records set payload_hash = 'stored-before-003'",
  ]],
];

/** Turns a database written by this version back into one as the migration `last` left it. */
function undoAfter(file: string, last: LedgerMigrationName): void {
  const db = new Database(file);
  try {
    for (const [name, statements] of UNDO) {
      // Migration names sort in the order they apply.
      if (name <= last) break;
      for (const statement of statements) db.exec(statement);
      db.prepare('delete from kysely_migration where name = ?').run(name);
    }
    const { applied } = db.prepare('select max(name) as applied from kysely_migration').get() as { applied: string };
    if (applied !== last) throw new Error(`the database is at ${applied}, not ${last}: undo steps are missing`);
  } finally {
    db.close();
  }
}

describe('ledger migration 003: the payload hash derived, not stored', () => {
  it('drops the stored hash from a database written before it, and resubmissions are still recognised from the facts', async () => {
    const file = tempFile();
    let { store, ledger } = await withCourt(file);
    const first = await ledger.furnish('court-1', [judgment('j-1')], T0);
    expect(first.items[0]).toMatchObject({ status: 'accepted', duplicate: false });
    await store.close();

    // The database as migration 002 left it: the column back, holding a hash, and 003 not yet applied.
    undoAfter(file, '002-due-process');
    expect(columnsOfRecords(file)).toContain('payload_hash');

    ({ store, ledger } = await open(file));
    expect(columnsOfRecords(file)).not.toContain('payload_hash');
    const again = await ledger.furnish('court-1', [judgment('j-1')], T0 + 1);
    expect(again.items[0]).toMatchObject({ status: 'accepted', duplicate: true, recordId: first.items[0]?.status === 'accepted' ? first.items[0].recordId : 'x' });
    const changed = await ledger.furnish('court-1', [judgment('j-1', '2024-06-02')], T0 + 1);
    expect(changed.items[0]).toMatchObject({ status: 'rejected', code: 'idempotency_conflict' });
    await store.close();
  });
});

describe('ledger migration 004: furnishings left out of the index of a record\'s events', () => {
  it('replaces the index of a database written before it, and a subject\'s events are found as before', async () => {
    const file = tempFile();
    let { store, ledger } = await withCourt(file);
    const furnished = await ledger.furnish('court-1', [judgment('j-1'), judgment('j-2', '2024-07-01')], T0);
    const first = furnished.items[0]?.status === 'accepted' ? furnished.items[0].recordId : never();
    await ledger.fulfil('court-1', first, { fulfilledAt: T0 + 1 }, T0 + 1);
    const before = await store.read((tx) => tx.eventsOf([subjectId(`cn-rid:${PERSON}`)]));
    await store.close();

    // The database as migration 003 left it: every event about a record in the index, furnishings included.
    undoAfter(file, '003-derived-payload-hash');
    expect(indexesOfEvents(file).map((i) => i.name)).toEqual(['events_record']);

    ({ store, ledger } = await open(file));
    const indexes = indexesOfEvents(file);
    expect(indexes.map((i) => i.name)).toEqual(['events_record_change']);
    expect(indexes[0]?.sql).toMatch(/where "?record_seq"? <> "?seq"?/);
    // Each furnishing out of it, the fulfilment in it.
    expect(inFile(file, (d) => d.prepare('select count(*) as n from events indexed by events_record_change where record_seq <> seq').get())).toEqual({ n: 1 });
    const after = await store.read((tx) => tx.eventsOf([subjectId(`cn-rid:${PERSON}`)]));
    expect(after.map((e) => e.event.type)).toEqual(['record.furnished', 'record.furnished', 'record.fulfilled']);
    expect(after).toEqual(before);
    await store.close();
  });
});

function never(): never {
  throw new Error('the first record was not accepted');
}
