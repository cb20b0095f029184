import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRid } from '../../core/identifiers/index.js';
import { mulberry32 } from '../../core/random.js';
import { exampleAttributes } from '../../core/taxonomy/index.js';
import { DEFAULT_RULEBOOK_PATH, openLedger, recordTypesFor, type Ledger } from '../../ledger/index.js';
import { openSqliteStore } from '../sqlite/open-sqlite-store.js';
import type { Store } from '../store.js';

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

const columnsOfRecords = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select name from pragma_table_info(\'records\')').all() as { name: string }[]).map((c) => c.name);
  } finally {
    db.close();
  }
};

describe('ledger migration 003: the payload hash derived, not stored', () => {
  it('drops the stored hash from a database written before it, and resubmissions are still recognised from the facts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-payload-hash-'));
    dirs.push(dir);
    const file = join(dir, 'credence.db');
    let { store, ledger } = await open(file);
    await ledger.registerClient({ id: 'court-1', role: 'furnisher', name: 'Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, T0);
    const first = await ledger.furnish('court-1', [judgment('j-1')], T0);
    expect(first.items[0]).toMatchObject({ status: 'accepted', duplicate: false });
    await store.close();

    // The database as migration 002 left it: the column back, holding a hash, and 003 not yet applied.
    const db = new Database(file);
    db.exec("alter table records add column payload_hash text not null default ''");
    db.exec("update records set payload_hash = 'stored-before-003'");
    db.exec("delete from kysely_migration where name = '003-derived-payload-hash'");
    db.close();
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
