import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, decisionId, subjectId } from '../../core/brand.js';
import { openSqliteServiceStore } from '../sqlite/open-sqlite-service-store.js';
import { migrateServiceTo, type ServiceMigrationName } from './migrate-service-to-latest.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A service database at an earlier migration, with rows an earlier version wrote (`sql`); returns its file. */
async function earlierDatabase(migration: ServiceMigrationName, sql: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'credence-key-columns-'));
  dirs.push(dir);
  const file = join(dir, 'service.db');
  const old = new Database(file);
  await migrateServiceTo(new Kysely<unknown>({ dialect: new SqliteDialect({ database: old }) }), 'sqlite', migration);
  old.exec(sql);
  old.close();
  return file;
}

describe('service migrations 006 to 008: the key a submission or a check came with, and what a submission was', () => {
  it('keeps the submissions made before it, with no key, and notes the key of those made after', async () => {
    const file = await earlierDatabase('service-005-file-reads',
      "insert into submissions (id, client_id, at, accepted, duplicates, rejected, items) values ('sub_1', 'court-a', 10, 1, 0, 0, '[]')");

    const store = await openSqliteServiceStore(file);
    expect(await store.submission('sub_1')).toMatchObject({ id: 'sub_1', clientId: 'court-a', keyId: null, kind: 'records', change: null, accepted: 1 });
    await store.putSubmission({ id: 'sub_2', clientId: clientId('court-a'), keyId: 'key_1', kind: 'records', at: 20, accepted: 0, duplicates: 0, rejected: 0, items: [], change: null });
    expect((await store.submissionsOf(clientId('court-a'), null, 10)).map((s) => [s.id, s.keyId])).toEqual([['sub_2', 'key_1'], ['sub_1', null]]);
    await store.close();
  });

  it('keeps the inquiries recorded before 007, with no key, and notes the key of those after', async () => {
    const file = await earlierDatabase('service-006-submission-key', `insert into inquiries (id, subject_id, client_id, at, action, purpose, context, outcome,
      benefits, reasons, rulebook_version) values ('dec_1', 'cn-rid:11010519491231002X', 'airline', 10, 'aviation.ticket.purchase', 'ticket-sale', '{}', 'allow',
      '[]', '[]', '2026.1')`);

    const store = await openSqliteServiceStore(file);
    expect(await store.inquiry(decisionId('dec_1'))).toMatchObject({ clientId: 'airline', keyId: null, outcome: 'allow' });
    await store.appendInquiries([{
      id: decisionId('dec_2'), subjectId: subjectId('cn-rid:11010519491231002X'), clientId: clientId('airline'), keyId: 'key_2', at: 20,
      action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: {}, outcome: 'deny', benefits: [], reasons: [], rulebookVersion: '2026.1',
    }]);
    expect((await store.inquiriesAbout(subjectId('cn-rid:11010519491231002X'), 10)).map((q) => [q.id, q.keyId])).toEqual([['dec_2', 'key_2'], ['dec_1', null]]);
    await store.close();
  });
});
