import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DEMO_FURNISHERS } from '../../src/demo/demo-furnishers.js';
import { MAX_BATCH, MAX_BATCHES_PER_COMMIT, openLedger, type BatchResult, type Ledger } from '../../src/ledger/index.js';
import { ioTurn } from '../../src/ledger/pending-writes.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { copyFrom, copyText } from '../../src/store/postgres/copy-from.js';
import type { FurnisherLines } from './demo-record-lines.js';

/** A side of the benchmark: takes the records round by round, timing only `take`. */
export interface Ingester {
  /** Writes these lines durably; resolves the seconds it took. */
  take(files: readonly FurnisherLines[]): Promise<number>;
  /** Closes the database; resolves the subjects it holds (null where not counted). */
  close(): Promise<number | null>;
}

const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
export const sqliteBytes = (path: string): number => fileSize(path) + fileSize(`${path}-wal`);

/**
 * Durable ingest through the ledger, as the importer runs it: lines parsed, batches of 1,000 from one
 * furnisher, 20 batches per commit, each item validated, appended as an event and projected.
 */
export async function ledgerIngester(url: string, at: number): Promise<Ingester> {
  const store: Store = await openStore(url);
  const ledger: Ledger = await openLedger(store, { at });
  const turns = store.dialect === 'postgres';
  for (const f of DEMO_FURNISHERS) {
    await ledger.registerClient({ id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: [...f.scope] } }, at);
  }
  return {
    take: async (files) => {
      const started = performance.now();
      // The next group is parsed and validated while the one before it is written, as the importer does.
      let previous: Promise<readonly BatchResult[]> | undefined;
      const check = async (): Promise<void> => {
        for (const r of (await previous) ?? []) {
          const rejected = r.items.find((item) => item.status === 'rejected');
          if (rejected) throw new Error(`a demo record was rejected: ${JSON.stringify(rejected)}`);
        }
      };
      for (const f of files) {
        for (let i = 0; i < f.lines.length; i += MAX_BATCH * MAX_BATCHES_PER_COMMIT) {
          const batches: unknown[][] = [];
          for (let b = i; b < Math.min(f.lines.length, i + MAX_BATCH * MAX_BATCHES_PER_COMMIT); b += MAX_BATCH) {
            // On PostgreSQL a batch at a time, as the importer parses lines as it reads them: the group being
            // written gets its turns (SQLite's writer thread needs none, and ingests ~5% slower with them).
            if (batches.length > 0 && turns) await ioTurn();
            batches.push(f.lines.slice(b, b + MAX_BATCH).map((l) => JSON.parse(l) as unknown));
          }
          const next = ledger.furnishMany(f.furnisherId, batches, at);
          next.catch(() => undefined);
          await check();
          previous = next;
          // Let it reach its commit before parsing the following group.
          await new Promise((resume) => setImmediate(resume));
        }
      }
      await check();
      return (performance.now() - started) / 1000;
    },
    close: async () => {
      const subjects = await store.read((tx) => tx.countSubjects());
      await store.close();
      return subjects;
    },
  };
}

interface RawRow {
  readonly subjectId: string;
  readonly furnisherRef: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: string;
}

const rawRow = (line: string): RawRow => {
  const r = JSON.parse(line) as { furnisherRef: string; subject: { scheme: string; identifier: string }; type: string; occurredAt: string };
  return { subjectId: `${r.subject.scheme}:${r.subject.identifier}`, furnisherRef: r.furnisherRef, type: r.type, occurredAt: r.occurredAt, payload: line };
};

const RAW_COLUMNS = 'subject_id text not null, furnisher_ref text not null, type text not null, occurred_at text not null, payload text not null';
const RAW_INDEX = 'create index raw_records_subject on raw_records (subject_id)';
const BASELINE_TX = 10_000;

function* slices(files: readonly FurnisherLines[], size: number): Generator<readonly string[]> {
  for (const f of files) for (let i = 0; i < f.lines.length; i += size) yield f.lines.slice(i, i + size);
}

/**
 * The SQLite baseline: the same rows, parsed, by one prepared INSERT into one (rowid) table indexed by
 * subject, 10,000 rows per transaction, with the ledger's durability (WAL, synchronous=FULL).
 */
export function sqliteBaseline(path: string): Ingester {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table raw_records (${RAW_COLUMNS})`);
  db.exec(RAW_INDEX);
  const insert = db.prepare('insert into raw_records (subject_id, furnisher_ref, type, occurred_at, payload) values (?, ?, ?, ?, ?)');
  return {
    take: (files) => {
      const started = performance.now();
      for (const lines of slices(files, BASELINE_TX)) {
        db.exec('begin');
        for (const line of lines) {
          const r = rawRow(line);
          insert.run(r.subjectId, r.furnisherRef, r.type, r.occurredAt, r.payload);
        }
        db.exec('commit');
      }
      return Promise.resolve((performance.now() - started) / 1000);
    },
    close: () => {
      db.close();
      return Promise.resolve(null);
    },
  };
}

const COPY_ROWS = 100_000;

/** The PostgreSQL baseline: the same rows, parsed, by COPY FROM STDIN into one heap table indexed by subject, 100,000 rows per COPY. */
export async function postgresBaseline(url: string): Promise<Ingester> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create table raw_records (${RAW_COLUMNS})`);
  await client.query(RAW_INDEX);
  return {
    take: async (files) => {
      const started = performance.now();
      for (const lines of slices(files, COPY_ROWS)) {
        const data = copyText(lines.map((line) => {
          const r = rawRow(line);
          return [r.subjectId, r.furnisherRef, r.type, r.occurredAt, r.payload];
        }));
        const copied = await copyFrom(client, 'copy raw_records (subject_id, furnisher_ref, type, occurred_at, payload) from stdin', data);
        if (copied !== lines.length) throw new Error(`COPY stored ${copied} of ${lines.length} rows`);
      }
      return (performance.now() - started) / 1000;
    },
    close: async () => {
      await client.end();
      return null;
    },
  };
}

/** Bytes of the tables with their indexes (and TOAST), as PostgreSQL counts them. */
export async function postgresBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ bytes: string }>(`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`);
    return Number(r.rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
