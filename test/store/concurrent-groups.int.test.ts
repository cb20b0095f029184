import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectId, type Instant } from '../../src/core/brand.js';
import { generateRid } from '../../src/core/identifiers/index.js';
import { mulberry32 } from '../../src/core/random.js';
import { exampleAttributes } from '../../src/core/taxonomy/index.js';
import { DEFAULT_RULEBOOK_PATH, openLedger, recordTypesFor } from '../../src/ledger/index.js';
import { openStore } from '../../src/store/index.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

// Groups read what they must know before they take the write lock; these run several at once over
// the same subjects and refs, so each must catch up with what the ones before it committed.
const T0: Instant = Date.UTC(2025, 0, 15);
const DEFAULTER = 'court.defaulter.refuses_to_perform';
const rng = mulberry32(7);
const PEOPLE = Array.from({ length: 6 }, () => generateRid(rng, { birthYearMin: 1960, birthYearMax: 1990 }));
const judgment = (ref: string, i: number): Record<string, unknown> => ({
  furnisherRef: ref, subject: { scheme: 'cn-rid', identifier: PEOPLE[i % PEOPLE.length] }, type: DEFAULTER,
  occurredAt: '2024-06-01', attributes: exampleAttributes(DEFAULTER), legalBasis: 'SPC Provisions, Art. 1(1)',
});

let server: TestPostgres | undefined;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

describe('groups of batches committed concurrently on PostgreSQL', () => {
  it('count every subject\'s records, furnish a shared ref once and keep standings equal to the events', async () => {
    if (!server) throw new Error('the PostgreSQL test server did not start');
    const store = await openStore(await server.createDatabase('concurrent_groups'));
    try {
      const ledger = await openLedger(store, { defaultRulebook: readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'), at: T0 });
      await ledger.registerClient({ id: 'court-1', role: 'furnisher', name: 'Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, T0);
      await ledger.furnish('court-1', [judgment('first', 0)], T0);
      const groups = [0, 1, 2, 3].map((g) => [
        [judgment('shared', 0), ...Array.from({ length: 300 }, (_, k) => judgment(`g${g}-${k}`, k))],
        Array.from({ length: 300 }, (_, k) => judgment(`h${g}-${k}`, k + g)),
      ]);
      const results = await Promise.all(groups.map((batches) => ledger.furnishMany('court-1', batches, T0)));
      const shared = results.map((r) => r[0]?.items[0]);
      expect(shared.filter((i) => i?.status === 'accepted' && !i.duplicate)).toHaveLength(1);
      expect(new Set(shared.map((i) => (i?.status === 'accepted' ? i.recordId : 'rejected'))).size).toBe(1);
      expect(results.flat().reduce((n, r) => n + r.accepted, 0)).toBe(4 * 600 + 1);
      const subjects = await store.read((tx) => tx.subjects(PEOPLE.map((p) => subjectId(`cn-rid:${p}`))));
      expect(subjects.reduce((n, s) => n + s.version, 0)).toBe(1 + 4 * 600 + 1);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, records: 2 + 4 * 600 });
    } finally {
      await store.close();
    }
  });
});
