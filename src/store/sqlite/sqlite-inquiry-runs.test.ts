import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, decisionId, subjectId, type Instant } from '../../core/brand.js';
import { migrateServiceTo } from '../migrations/migrate-service-to-latest.js';
import type { InquiryRow, ServiceStore } from '../service-store.js';
import { openSqliteServiceStore } from './open-sqlite-service-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'credence-inquiry-runs-'));
  dirs.push(dir);
  return join(dir, 's.db');
};

// Tiny runs, so that a few hundred inquiries go through the tail, runs, merges of several levels and removals.
const SMALL = { tailRows: 5, fanIn: 3, chunkRows: 4 };
const SUBJECTS = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f'];

let serial = 0;
const inquiry = (subject: string, client: string, at: number): InquiryRow => ({
  id: decisionId(`dec_${String(serial++).padStart(8, '0')}`), subjectId: subjectId(subject), clientId: clientId(client), at: at as Instant,
  keyId: null, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: {}, outcome: 'allow', benefits: [], reasons: [], rulebookVersion: '2026.1',
});

async function expectAllListed(store: ServiceStore, appended: readonly InquiryRow[]): Promise<void> {
  for (const s of SUBJECTS) {
    const expected = appended.filter((q) => q.subjectId === s).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((q) => q.id);
    expect((await store.inquiriesAbout(subjectId(s), 10_000)).map((q) => q.id)).toEqual(expected);
  }
  const checked = await store.checkedBy(clientId('rp-1'), SUBJECTS.map(subjectId), 50 as Instant);
  const expected = SUBJECTS.filter((s) => appended.some((q) => q.subjectId === s && q.clientId === 'rp-1' && q.at >= 50));
  expect([...checked].sort()).toEqual(expected);
}

describe('the SQLite inquiry index (tail and sorted runs)', () => {
  it('lists every inquiry about a subject, newest first, at every moment while runs are formed, merged and removed', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.record({ s: fc.constantFrom(...SUBJECTS), c: fc.constantFrom('rp-1', 'rp-2'), at: fc.nat(100) }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }),
      async (batches) => {
        const file = tempFile();
        const store = await openSqliteServiceStore(file, SMALL);
        const appended: InquiryRow[] = [];
        try {
          for (const batch of batches) {
            const rows = batch.map((b) => inquiry(b.s, b.c, b.at));
            await store.appendInquiries(rows);
            appended.push(...rows);
            await expectAllListed(store, appended); // while the index is being kept, between its steps
          }
        } finally {
          await store.close();
        }
        const reopened = await openSqliteServiceStore(file, SMALL);
        try {
          await expectAllListed(reopened, appended);
        } finally {
          await reopened.close();
        }
      },
    ), { numRuns: 15 });
  });

  it('moves the tail into runs and merges them, so reads do not scan a growing tail', async () => {
    const file = tempFile();
    const store = await openSqliteServiceStore(file, SMALL);
    // The upkeep runs on the worker thread while groups commit on the event loop's: appends that
    // outpace it are moved in larger runs. Here the inquiries trickle in, each once the upkeep has caught
    // up with the last, as they would at a steady rate, so runs form and merge level after level.
    // An idle store keeps less than two tails' worth: what its last step left, and what arrived during it.
    const db = new Database(file, { readonly: true });
    const state = () => ({
      tail: (db.prepare('select count(*) as n from inquiries where rowid > (select coalesce(max(upto), 0) from inquiry_run_list)').get() as { n: number }).n,
      levels: db.prepare('select level, count(*) as n from inquiry_run_list group by level').all() as { level: number; n: number }[],
      indexed: (db.prepare('select count(*) as n from inquiry_runs where run in (select run from inquiry_run_list)').get() as { n: number }).n,
    });
    const appended: InquiryRow[] = [];
    for (let i = 0; i < 200; i++) {
      const rows = [inquiry(SUBJECTS[i % SUBJECTS.length] ?? 'p-a', 'rp-1', i)];
      await store.appendInquiries(rows);
      appended.push(...rows);
      for (const deadline = Date.now() + 2_000; state().tail >= SMALL.tailRows * 2 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 5));
    }
    const settled = (s: ReturnType<typeof state>) => s.tail < SMALL.tailRows * 2 && s.levels.every((l) => l.n < SMALL.fanIn);
    let now = state();
    for (const deadline = Date.now() + 10_000; !settled(now) && Date.now() < deadline; now = state()) await new Promise((r) => setTimeout(r, 20));
    await store.close();
    db.close();
    const { tail, levels, indexed } = now;
    expect(tail).toBeLessThan(SMALL.tailRows * 2);
    expect(indexed + tail).toBe(200);
    expect(levels.some((l) => l.level >= 2)).toBe(true);
    expect(levels.every((l) => l.n < SMALL.fanIn)).toBe(true);
  });

  it('ignores and then removes a run left unlisted by a crash, and indexes inquiries recorded before the upgrade', async () => {
    const file = tempFile();
    const first = await openSqliteServiceStore(file, SMALL);
    const before = [inquiry('p-a', 'rp-1', 60), inquiry('p-b', 'rp-1', 61)];
    await first.appendInquiries(before);
    await first.close();
    const db = new Database(file);
    db.prepare("insert into inquiry_runs values (99, 'p-a', 'rp-1', 70, 'dec_crashed')").run();
    db.close();
    const store = await openSqliteServiceStore(file, SMALL);
    const later = Array.from({ length: 30 }, (_, i) => inquiry(SUBJECTS[i % 3] ?? 'p-a', 'rp-2', 80 + i));
    for (const q of later) await store.appendInquiries([q]);
    await expectAllListed(store, [...before, ...later]);
    await store.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select count(*) as n from inquiry_runs where run = 99').get()).toEqual({ n: 0 });
    after.close();
  });

  it('upgrades a database whose inquiries sit in a trigger-fed tail and in runs: every one is still found, and the tail table is gone', async () => {
    const file = tempFile();
    const old = new Database(file);
    await migrateServiceTo(new Kysely<unknown>({ dialect: new SqliteDialect({ database: old }) }), 'sqlite', 'service-002-inquiry-runs');
    const before = Array.from({ length: 9 }, (_, i) => inquiry(SUBJECTS[i % 4] ?? 'p-a', i % 2 ? 'rp-1' : 'rp-2', 50 + i));
    const insert = old.prepare('insert into inquiries (id, subject_id, client_id, at, action, purpose, context, outcome, benefits, reasons, rulebook_version)'
      + " values (?, ?, ?, ?, ?, ?, '{}', ?, '[]', '[]', ?)");
    for (const q of before) insert.run(q.id, q.subjectId, q.clientId, q.at, q.action, q.purpose, q.outcome, q.rulebookVersion);
    // The version before kept its tail in inquiry_tail: the first four were moved into a listed run, the rest wait in the tail.
    old.exec("insert into inquiry_runs select 1, subject_id, client_id, at, id from inquiry_tail where seq <= 4; insert into inquiry_run_list values (1, 0, 4); delete from inquiry_tail where seq <= 4");
    old.close();
    const store = await openSqliteServiceStore(file, SMALL);
    const later = Array.from({ length: 20 }, (_, i) => inquiry(SUBJECTS[i % 6] ?? 'p-a', 'rp-1', 70 + i));
    for (const q of later) await store.appendInquiries([q]);
    await expectAllListed(store, [...before, ...later]);
    expect(await store.countInquiries(null)).toBe(29);
    await store.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare("select count(*) as n from sqlite_master where name in ('inquiry_tail', 'inquiries_into_tail')").get()).toEqual({ n: 0 });
    after.close();
  });
});
