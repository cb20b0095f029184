import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, subjectId, type Instant, type RecordId, type SubjectId } from '../../src/core/brand.js';
import { generateRid, generateUscc } from '../../src/core/identifiers/index.js';
import { mulberry32 } from '../../src/core/random.js';
import { exampleAttributes } from '../../src/core/taxonomy/index.js';
import { DEFAULT_RULEBOOK_PATH, openLedger, recordTypesFor, type Ledger } from '../../src/ledger/index.js';
import type { Store } from '../../src/store/index.js';
import { eventsOfSql } from '../../src/store/columns.js';
import { recordSeqOf } from '../../src/store/record-key.js';
import type { NewEvent, SubjectChange } from '../../src/store/rows.js';
import { codeOf } from '../support/error-code.js';
import { hookedStore, type HookedStore } from '../support/hooked-store.js';

/** Opens an empty store for one test; `close` releases it (and its files or database). */
export type OpenStore = () => Promise<{ readonly store: Store; close(): Promise<void> }>;

const DAY = 86_400_000;
const T0: Instant = Date.UTC(2025, 0, 15, 9, 0, 0);
const DEFAULTER = 'court.defaulter.refuses_to_perform';
const TRAFFIC = 'admin.traffic_penalty';
const DEFAULT_YAML = readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8');

const rng = mulberry32(20250115);
const PEOPLE = Array.from({ length: 8 }, () => generateRid(rng, { birthYearMin: 1960, birthYearMax: 1990 }));
const ORG = generateUscc(rng);
const person = (i: number): SubjectId => subjectId(`cn-rid:${PEOPLE[i] ?? ''}`);

/** A record as a court furnishes it about person `i`. */
const judgment = (ref: string, i: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  furnisherRef: ref,
  subject: { scheme: 'cn-rid', identifier: PEOPLE[i] },
  type: DEFAULTER,
  occurredAt: '2024-06-01',
  attributes: exampleAttributes(DEFAULTER),
  legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1(1)',
  ...over,
});

/** The storage conformance suite: the same behaviour, through the ledger, on every store. */
export function conformance(name: string, open: OpenStore): void {
  describe(`store conformance: ${name}`, () => {
    const opened: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const close of opened.splice(0)) await close();
    });

    async function setup(options: { batchSize?: number; wrap?: (store: Store) => Store } = {}): Promise<{ store: Store; ledger: Ledger }> {
      const { store: opened1, close } = await open();
      opened.push(close);
      const { wrap, ...ledgerOptions } = options;
      const store = wrap ? wrap(opened1) : opened1;
      const ledger = await openLedger(store, { defaultRulebook: DEFAULT_YAML, at: T0 - DAY, ...ledgerOptions });
      await ledger.registerClient({ id: 'court-1', role: 'furnisher', name: 'Chaoyang District Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, T0 - DAY);
      await ledger.registerClient({ id: 'court-2', role: 'furnisher', name: 'Haidian District Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } }, T0 - DAY);
      // A regulator allowed only traffic penalties, though its kind could furnish more.
      await ledger.registerClient({ id: 'police-1', role: 'furnisher', name: 'Traffic police', furnisherKind: 'public_security', scope: { recordTypes: [TRAFFIC] } }, T0 - DAY);
      return { store, ledger };
    }

    async function furnishOne(ledger: Ledger, ref: string, i: number, at = T0): Promise<RecordId> {
      const result = await ledger.furnish('court-1', [judgment(ref, i)], at);
      const item = result.items[0];
      if (item?.status !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(item)}`);
      return item.recordId;
    }

    it('appends a furnished record as an event and projects the standing in the same write', async () => {
      const { store, ledger } = await setup();
      const id = await furnishOne(ledger, 'j-1', 0);
      const events = await store.read((tx) => tx.events(1, 100));
      const furnished = events.filter((e) => e.event.type === 'record.furnished');
      expect(furnished).toHaveLength(1);
      expect(furnished[0]?.actor).toBe('court-1');
      expect(furnished[0]?.event).toMatchObject({ subjectId: person(0), record: { recordId: id, type: DEFAULTER, furnisherRef: 'j-1' } });
      const [record] = await store.read((tx) => tx.records([id]));
      expect(record).toMatchObject({ id, subjectId: person(0), status: 'active', occurredAt: Date.UTC(2024, 5, 1) });
      const standing = await ledger.standing(person(0), T0);
      expect(standing?.lists.map((l) => l.listId)).toContain('judgment-defaulters');
      expect(standing?.points).toBeLessThan(1000);
      expect(standing?.measures.map((m) => m.action)).toContain('aviation.ticket.purchase');
      const [subject] = await store.read((tx) => tx.subjects([person(0)]));
      expect(subject).toMatchObject({ kind: 'person', scheme: 'cn-rid', version: 1 });
    });

    it('keeps the sequence gapless under concurrent writers, including rolled-back ones', async () => {
      const { store, ledger } = await setup();
      const failing = Array.from({ length: 5 }, (_, k) => store.write(async (tx) => {
        await tx.appendEvents([{ event: { type: 'client.revoked', subjectId: null, clientId: 'nobody' as never, reason: 'test' }, recordedAt: T0, actor: 'test' }]);
        throw new Error(`rolled back ${k}`);
      }).catch(() => 'failed'));
      const furnishing = PEOPLE.map((_, i) => ledger.furnish('court-1', [judgment(`c-${i}`, i), judgment(`d-${i}`, i, { occurredAt: '2024-07-01' })], T0));
      const results = await Promise.all([...failing, ...furnishing]);
      expect(results.slice(0, 5)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
      const stats = await store.read((tx) => tx.eventStats());
      const head = await store.read((tx) => tx.head());
      expect(stats.minSeq).toBe(1);
      expect(stats.maxSeq).toBe(stats.count);
      expect(head.nextSeq).toBe(stats.count + 1);
      const report = await ledger.verifyIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.records).toBe(PEOPLE.length * 2);
    });

    it('refuses an append that expects a version the subject is no longer at', async () => {
      const { store, ledger } = await setup();
      const id = await furnishOne(ledger, 'v-1', 1);
      await furnishOne(ledger, 'v-2', 1);
      expect(await codeOf(ledger.fulfil('court-1', id, { expectedVersion: 1 }, T0 + DAY))).toBe('version_conflict');
      const change = await ledger.fulfil('court-1', id, { expectedVersion: 2 }, T0 + DAY);
      expect(change.version).toBe(3);
      const [subject] = await store.read((tx) => tx.subjects([person(1)]));
      expect(await codeOf(store.write((tx) => tx.putSubjects([{ subject: subject ?? never(), expected: 2, version: 3 }])))).toBe('version_conflict');
      expect(await codeOf(store.write((tx) => tx.putSubjects([{ subject: subject ?? never(), expected: 0, version: 1 }])))).toBe('version_conflict');
    });

    it('returns the same record for a resubmission and refuses a different payload under the same ref', async () => {
      const { store, ledger } = await setup();
      const first = await ledger.furnish('court-1', [judgment('i-1', 2)], T0);
      const before = await store.read((tx) => tx.eventStats());
      const again = await ledger.furnish('court-1', [judgment('i-1', 2)], T0 + DAY);
      expect(again).toMatchObject({ accepted: 0, duplicates: 1, rejected: 0 });
      expect(again.items[0]).toMatchObject({ status: 'accepted', duplicate: true, recordId: first.items[0]?.status === 'accepted' ? first.items[0].recordId : 'x' });
      expect(await store.read((tx) => tx.eventStats())).toEqual(before);
      const changed = await ledger.furnish('court-1', [judgment('i-1', 2, { occurredAt: '2024-06-02' })], T0 + DAY);
      expect(changed.items[0]).toMatchObject({ status: 'rejected', code: 'idempotency_conflict', furnisherRef: 'i-1' });
      // Another furnisher's ref space is its own.
      const other = await ledger.furnish('court-2', [judgment('i-1', 2)], T0 + DAY);
      expect(other.items[0]).toMatchObject({ status: 'accepted', duplicate: false });
      // Within one batch as well.
      const inBatch = await ledger.furnish('court-1', [judgment('i-2', 3), judgment('i-2', 3), judgment('i-2', 4)], T0);
      expect(inBatch.items.map((i) => (i.status === 'accepted' ? i.duplicate : i.code))).toEqual([false, true, 'idempotency_conflict']);
      expect(await ledger.rejections('court-1')).toEqual([{ code: 'idempotency_conflict', count: 2 }]);
    });

    it('commits several batches in one transaction, answering each as if furnished alone', async () => {
      const { store, ledger } = await setup();
      const [a, b, c] = await ledger.furnishMany('court-1', [[judgment('g-1', 0), judgment('g-2', 1)], [], [judgment('g-1', 0), judgment('g-3', 1, { color: 1 })]], T0);
      expect(a).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
      expect(b).toMatchObject({ accepted: 0, items: [] });
      expect(c?.items.map((i) => (i.status === 'accepted' ? i.duplicate : i.code))).toEqual([true, 'invalid_request']);
      expect(c?.items[0]).toMatchObject({ recordId: a?.items[0]?.status === 'accepted' ? a.items[0].recordId : 'x' });
      expect((await store.read((tx) => tx.subjects([person(1)])))[0]?.version).toBe(1);
      expect(await ledger.rejections('court-1')).toEqual([{ code: 'invalid_request', count: 1 }]);
      expect(await codeOf(ledger.furnishMany('court-1', Array.from({ length: 21 }, () => []), T0))).toBe('payload_too_large');
    });

    it('numbers thousands of records committed together without a gap, each subject at its full count of records', async () => {
      const { store, ledger } = await setup();
      const batches = [0, 1, 2].map((b) => Array.from({ length: 1000 }, (_, k) => judgment(`n-${b}-${k}`, k % PEOPLE.length)));
      const results = await ledger.furnishMany('court-1', batches, T0);
      const ids = results.flatMap((r) => r.items.map((i) => (i.status === 'accepted' ? Number(i.recordId.slice(4)) : NaN)));
      expect(ids).toHaveLength(3000);
      expect(ids.every((id, k) => id === (ids[0] ?? 0) + k)).toBe(true);
      const stats = await store.read((tx) => tx.eventStats());
      expect(stats.maxSeq).toBe(stats.count);
      expect((await store.read((tx) => tx.subjects([person(0)])))[0]?.version).toBe(3000 / PEOPLE.length);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, records: 3000 });
    });

    it('commits groups sent at once in call order, over shared subjects and refs, beside other writes', async () => {
      let hooked: HookedStore | undefined;
      // Each write holds its transaction open a moment before writing subjects, while the next group reads.
      const pause = (): Promise<void> => new Promise((resume) => setTimeout(resume, 100));
      const { store, ledger } = await setup({ wrap: (s) => (hooked = hookedStore(s, pause)).store });
      const first = await furnishOne(ledger, 'first', 0);
      const penalty = (ref: string, i: number, over: Record<string, unknown> = {}): Record<string, unknown> =>
        ({ ...judgment(ref, i), type: TRAFFIC, attributes: exampleAttributes(TRAFFIC), ...over });
      // Five groups in flight together, from two furnishers, every person in every group, each furnisher's
      // first item under one ref. Few records a person, so a standing missing one would show in its points.
      const groups = [0, 1, 2, 3, 4].map((g) => {
        const court = g % 2 === 0;
        const make = court ? judgment : penalty;
        const items = Array.from({ length: court ? 8 : 16 }, (_, k) => make(`g${g}-${k}`, k % PEOPLE.length));
        return {
          furnisher: court ? 'court-1' : 'police-1',
          batches: [[make('shared', 1), ...items.slice(0, 4)], [make(`bad-${g}`, 2, { color: 1 }), ...items.slice(4)]],
        };
      });
      const sent = groups.map((g) => ledger.furnishMany(g.furnisher, g.batches, T0));
      // A write of another kind, sent while later groups are in flight.
      const fulfilment = sent[1]?.then(() => ledger.fulfil('court-1', first, { fulfilledAt: T0 }, T0));
      const results = await Promise.all(sent);
      await fulfilment;
      if (store.writeAhead) expect(hooked?.aheadCommits()).toBeGreaterThan(0);
      const shared = results.map((r) => r[0]?.items[0]);
      expect(shared.map((i) => (i?.status === 'accepted' ? i.duplicate : i?.status))).toEqual([false, false, true, true, true]);
      const ids = results.flatMap((r) => r.flatMap((b) => b.items.flatMap((i) => (i.status === 'accepted' && !i.duplicate ? [Number(i.recordId.slice(4))] : []))));
      // Each group's new records take the seqs after the group sent before it.
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const fresh = 9 + 17 + 8 + 16 + 8;
      expect(results.flat().reduce((n, r) => n + r.accepted, 0)).toBe(fresh);
      const stats = await store.read((tx) => tx.eventStats());
      expect(stats.maxSeq).toBe(stats.count);
      const versions = (await store.read((tx) => tx.subjects(PEOPLE.map((_, i) => person(i))))).reduce((n, s) => n + s.version, 0);
      expect(versions).toBe(1 + fresh + 1);
      expect(await ledger.rejections('court-1')).toEqual([{ code: 'invalid_request', count: 3 }]);
      expect(await ledger.rejections('police-1')).toEqual([{ code: 'invalid_request', count: 2 }]);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, records: 1 + fresh });
    });

    it('rates each subject on the records of every group before, committed or still in flight', async () => {
      let hooked: HookedStore | undefined;
      const pause = (): Promise<void> => new Promise((resume) => setTimeout(resume, 100));
      const { store, ledger } = await setup({ wrap: (s) => (hooked = hookedStore(s, pause)).store });
      // Every person in every group, once: a standing that missed one would be 100 points off.
      const sent = [0, 1, 2, 3].map((g) => ledger.furnishMany('court-1', [PEOPLE.map((_, i) => judgment(`r${g}-${i}`, i))], T0));
      await Promise.all(sent);
      // Each group after the first commits ahead: the one before it holds its transaction open meanwhile.
      if (store.writeAhead) expect(hooked?.aheadCommits()).toBe(3);
      expect((await ledger.standing(person(3), T0))?.points).toBe((await ledger.standing(person(4), T0))?.points);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, records: 4 * PEOPLE.length });
    });

    it('commits the groups after one that fails, and nothing of the failed group', async () => {
      let hooked: HookedStore | undefined;
      // The third group alone writes person 7; its write fails whenever it does.
      const fail = (changes: readonly SubjectChange[]): Promise<void> =>
        (changes.some((c) => c.subject.id === person(7)) ? Promise.reject(new Error('injected failure')) : Promise.resolve());
      const { store, ledger } = await setup({ wrap: (s) => (hooked = hookedStore(s, fail)).store });
      const group = (g: number): Record<string, unknown>[][] => [0, 1, 2].map((b) => Array.from({ length: 300 }, (_, k) => judgment(`f${g}-${b}-${k}`, k % 7)));
      const sent = [0, 1, 2, 3, 4].map((g) => ledger.furnishMany('court-1', g === 2 ? [...group(g), [judgment('seven', 7)]] : group(g), T0));
      const outcomes = await Promise.allSettled(sent);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      if (store.writeAhead) expect(hooked?.aheadCommits()).toBeGreaterThan(0);
      expect(await store.read((tx) => tx.recordsByRef('court-1', ['f2-0-0', 'seven', 'f3-0-0']))).toHaveLength(1);
      const stats = await store.read((tx) => tx.eventStats());
      expect(stats.maxSeq).toBe(stats.count);
      expect(stats.count).toBeGreaterThanOrEqual(4 * 900);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, records: 4 * 900 });
    });

    it('leaves nothing of a write that fails while its statements are still on their way', async () => {
      const { store } = await setup();
      const before = await store.read((tx) => tx.eventStats());
      const revoked = (n: number): NewEvent => ({ event: { type: 'client.revoked', subjectId: null, clientId: clientId('court-2'), reason: `r${n}` }, recordedAt: T0, actor: 'test' });
      const failed = store.write(async (tx) => {
        // Sent without waiting for them, as bulk writes do; the failure comes before they are answered.
        for (let n = 0; n < 5; n++) void tx.appendEvents([revoked(n)]).catch(() => undefined);
        await Promise.resolve();
        throw new Error('failed mid-write');
      });
      await expect(failed).rejects.toThrow('failed mid-write');
      await new Promise((resume) => setTimeout(resume, 200));
      expect(await store.read((tx) => tx.eventStats())).toEqual(before);
    });

    it('acknowledges a write only if what it wrote is there, even when one of its statements failed unobserved', async () => {
      const { store, ledger } = await setup();
      const acknowledged = await store.write(async (tx) => {
        await tx.addRejections('court-1', new Map([['invalid_request', 1]]));
        // PostgreSQL aborts the transaction here, and answers its commit with a rollback.
        await tx.sql.run('insert into no_such_table values (1)', []).catch(() => undefined);
      }).then(() => true, () => false);
      expect(await ledger.rejections('court-1')).toEqual(acknowledged ? [{ code: 'invalid_request', count: 1 }] : []);
    });

    it('rejects records outside the furnisher scope and counts every rejection per furnisher and code', async () => {
      const { ledger } = await setup();
      const traffic = { ...judgment('p-1', 0), type: TRAFFIC, attributes: exampleAttributes(TRAFFIC) };
      const result = await ledger.furnish('police-1', [
        traffic,
        { ...judgment('p-2', 0), type: 'court.civil.breach_of_contract', attributes: exampleAttributes('court.civil.breach_of_contract') },
        { ...judgment('p-3', 0), type: 'social.political_opinion' },
        { ...judgment('p-4', 0), type: 'social.political_opinion' },
      ], T0);
      expect(result.items.map((i) => (i.status === 'accepted' ? 'accepted' : i.code))).toEqual(['accepted', 'out_of_scope', 'unknown_record_type', 'unknown_record_type']);
      expect(await ledger.rejections('police-1')).toEqual([{ code: 'out_of_scope', count: 1 }, { code: 'unknown_record_type', count: 2 }]);
      expect(await ledger.rejections('court-1')).toEqual([]);
    });

    it('answers per item for a mixed batch and commits only the valid items', async () => {
      const { store, ledger } = await setup();
      const result = await ledger.furnish('court-1', [
        judgment('m-1', 0),
        judgment('m-2', 0, { subject: { scheme: 'cn-rid', identifier: '110105194912310021' } }),
        judgment('m-3', 1, { color: 'red' }),
        judgment('m-4', 1, { occurredAt: '2025-03-01' }),
        judgment('m-5', 1, { attributes: { ...exampleAttributes(DEFAULTER), religion: 'x' } }),
        'not an object',
        judgment('m-7', 1, { subject: { scheme: 'passport', identifier: 'E1234567' } }),
        judgment('m-8', 1),
      ], T0);
      expect(result).toMatchObject({ accepted: 2, duplicates: 0, rejected: 6 });
      expect(result.items.map((i) => [i.index, i.status === 'accepted' ? 'accepted' : i.code])).toEqual([
        [0, 'accepted'], [1, 'invalid_identifier'], [2, 'invalid_request'], [3, 'invalid_request'],
        [4, 'invalid_attributes'], [5, 'invalid_request'], [6, 'unknown_identifier_scheme'], [7, 'accepted'],
      ]);
      const rejected = result.items.find((i) => i.index === 2);
      expect(rejected?.status === 'rejected' && rejected.reason).toMatch(/color/);
      expect((await store.read((tx) => tx.eventStats())).count).toBe(3 + 2 + 1);
      expect(await codeOf(ledger.furnish('court-1', Array.from({ length: 1001 }, (_, k) => judgment(`big-${k}`, 0)), T0))).toBe('payload_too_large');
      expect(await codeOf(ledger.furnish('court-9', [judgment('x', 0)], T0))).toBe('not_found');
    });

    it('lifts the listing in the same write that records the fulfilment, for the furnisher that submitted it only', async () => {
      const { store, ledger } = await setup();
      const id = await furnishOne(ledger, 'f-1', 3);
      expect(await codeOf(ledger.fulfil('court-2', id, {}, T0 + DAY))).toBe('not_record_furnisher');
      const change = await ledger.fulfil('court-1', id, { fulfilledAt: T0 + DAY }, T0 + 2 * DAY);
      expect(change).toMatchObject({ status: 'fulfilled', duplicate: false });
      const [stored] = await store.read((tx) => tx.standings([person(3)], '2026.1'));
      expect(stored?.lists).toEqual([]);
      expect(stored?.at).toBe(T0 + 2 * DAY);
      expect((await ledger.standing(person(3), T0 + 2 * DAY))?.lists).toEqual([]);
      expect(await ledger.fulfil('court-1', id, {}, T0 + 3 * DAY)).toMatchObject({ duplicate: true });
      expect(await codeOf(ledger.fulfil('court-1', id, { fulfilledAt: T0 + 2 * DAY }, T0 + 3 * DAY))).toBe('record_not_active');
    });

    it('fulfils a batch in one transaction, answering each as fulfil would and writing nothing for a refused one', async () => {
      const { store, ledger } = await setup();
      const a = await furnishOne(ledger, 'fm-1', 4);
      const b = await furnishOne(ledger, 'fm-2', 5);
      const other = (await ledger.furnish('court-2', [judgment('fm-3', 6)], T0)).items[0];
      const before = await store.read((tx) => tx.eventStats());
      const outcomes = await ledger.fulfilMany('court-1', [
        { id: a, fulfilledAt: T0 + DAY },
        { id: a, fulfilledAt: T0 + DAY },
        { id: b, fulfilledAt: Date.UTC(2024, 0, 1) },
        { id: other?.status === 'accepted' ? other.recordId : a },
        { id: 'rec_999999' as RecordId },
        { id: b, fulfilledAt: T0 + 9 * DAY },
      ], T0 + 2 * DAY);
      expect(outcomes.map((o) => (o.ok ? o.change.duplicate : o.code))).toEqual([
        false, true, 'invalid_request', 'not_record_furnisher', 'not_found', 'invalid_request',
      ]);
      expect((await store.read((tx) => tx.eventStats())).count).toBe(before.count + 1);
      expect((await ledger.standing(person(4), T0 + 2 * DAY))?.lists).toEqual([]);
      expect((await ledger.standing(person(5), T0 + 2 * DAY))?.lists.map((l) => l.listId)).toContain('judgment-defaulters');
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true });
    });

    it('fulfils a batch exactly as the same fulfilments made one by one: answers, versions, records, standings and events', async () => {
      const sides = [await setup(), await setup()];
      const ids: RecordId[][] = [];
      for (const { ledger } of sides) {
        // Two subjects with three and two defaulter records, and one with a single record.
        const refs: [string, number][] = [['e-1', 0], ['e-2', 0], ['e-3', 0], ['e-4', 1], ['e-5', 1], ['e-6', 2]];
        const result = await ledger.furnish('court-1', refs.map(([ref, i]) => judgment(ref, i)), T0);
        ids.push(result.items.map((item) => (item.status === 'accepted' ? item.recordId : 'rec_0' as RecordId)));
      }
      const [batch, single] = sides;
      const [mine = [], theirs = []] = ids;
      expect(mine).toEqual(theirs);
      const at = T0 + 5 * DAY;
      const items = [
        { id: mine[0], fulfilledAt: T0 + DAY }, { id: mine[1] }, { id: mine[0] }, { id: mine[0], fulfilledAt: T0 + 2 * DAY },
        { id: mine[3], fulfilledAt: T0 + 9 * DAY }, { id: mine[3], fulfilledAt: T0 + 3 * DAY }, { id: mine[5], fulfilledAt: T0 + DAY },
        { id: mine[2], fulfilledAt: T0 + 4 * DAY }, { id: mine[4] },
      ].map((i) => ({ ...i, id: i.id ?? ('rec_0' as RecordId) }));
      const answer = (o: { ok: true; change: object } | { ok: false; code: string }): unknown => (o.ok ? o.change : o.code);
      const batched = (await (batch?.ledger.fulfilMany('court-1', items, at) ?? [])).map(answer);
      const oneByOne: unknown[] = [];
      for (const { id, fulfilledAt } of items) {
        const change = single?.ledger.fulfil('court-1', id, fulfilledAt === undefined ? {} : { fulfilledAt }, at);
        oneByOne.push(await change?.then((c) => c, async (e: unknown) => codeOf(Promise.reject(e as Error))));
      }
      expect(batched).toEqual(oneByOne);
      expect(batched.filter((o) => typeof o === 'string')).toEqual(['record_not_active', 'invalid_request']);
      // Each subject's version counts its records furnished, then one per fulfilment in batch order; a retry repeats it.
      expect(batched.map((o) => (typeof o === 'object' && o !== null && 'version' in o ? o.version : null))).toEqual([4, 5, 5, null, null, 3, 2, 6, 4]);
      // Sorted: a store need not return rows in the order asked.
      const sorted = <T extends { id?: string; subjectId?: string }>(rows: readonly T[]): T[] =>
        [...rows].sort((x, y) => String(x.id ?? x.subjectId).localeCompare(String(y.id ?? y.subjectId)));
      const state = (store: Store | undefined): Promise<unknown> => store?.read(async (tx) => ({
        subjects: sorted(await tx.subjects([person(0), person(1), person(2)])),
        standings: sorted(await tx.standings([person(0), person(1), person(2)], '2026.1')),
        records: sorted(await tx.recordsOf([person(0), person(1), person(2)])),
        events: await tx.events(1, 1000),
      })) ?? Promise.resolve(undefined);
      expect(await state(batch?.store)).toEqual(await state(single?.store));
      expect((await batch?.ledger.verifyIntegrity())?.problems).toEqual([]);
      expect((await batch?.ledger.standing(person(0), at))?.lists).toEqual([]);
    });

    it('supersedes a corrected record by a new one and stops counting the old', async () => {
      const { store, ledger } = await setup();
      const id = await furnishOne(ledger, 'k-1', 4);
      const listed = await ledger.standing(person(4), T0);
      const replacement = { ...judgment('k-1-corrected', 4), type: 'court.civil.breach_of_contract', attributes: exampleAttributes('court.civil.breach_of_contract') };
      const change = await ledger.correct('court-1', id, { replacement, reason: 'wrong record type' }, T0 + DAY);
      expect(change.replacementId).toBeDefined();
      const [old, added] = await store.read((tx) => tx.records([id, change.replacementId ?? id]));
      expect(old).toMatchObject({ status: 'corrected', supersededBy: change.replacementId });
      expect(added).toMatchObject({ status: 'active', type: 'court.civil.breach_of_contract', furnisherRef: 'k-1-corrected' });
      const after = await ledger.standing(person(4), T0 + DAY);
      expect(after?.lists.map((l) => l.listId)).not.toContain('judgment-defaulters');
      expect(after?.points).not.toBe(listed?.points);
      // A retried correction changes nothing; correcting it again is refused.
      expect(await ledger.correct('court-1', id, { replacement, reason: 'wrong record type' }, T0 + DAY)).toMatchObject({ duplicate: true });
      expect(await codeOf(ledger.correct('court-1', id, { replacement: { ...replacement, furnisherRef: 'k-1-b' }, reason: 'again' }, T0 + DAY))).toBe('record_not_active');
      const wrongSubject = { ...judgment('k-1-c', 5) };
      expect(await codeOf(ledger.correct('court-1', change.replacementId ?? id, { replacement: wrongSubject, reason: 'x' }, T0 + DAY))).toBe('invalid_request');
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('finds the events about a subject\'s records: each furnishing by its own seq, the changes after it through the index', async () => {
      const { store, ledger } = await setup();
      const first = await furnishOne(ledger, 'h-1', 6);
      await furnishOne(ledger, 'h-2', 7);
      const fulfilled = await furnishOne(ledger, 'h-3', 6);
      await ledger.fulfil('court-1', fulfilled, { fulfilledAt: T0 + DAY }, T0 + DAY);
      const replacement = { ...judgment('h-1-corrected', 6), occurredAt: '2024-05-01' };
      const { replacementId } = await ledger.correct('court-1', first, { replacement, reason: 'wrong date' }, T0 + 2 * DAY);
      await ledger.fulfil('court-1', replacementId ?? never(), { fulfilledAt: T0 + 3 * DAY }, T0 + 3 * DAY);
      await furnishOne(ledger, 'h-4', 5);

      const all = await store.read((tx) => tx.events(1, 1000));
      const asked = [person(7), person(6)];
      // What the query must return: every event about a record of these subjects, by subject, then in log order.
      const expected = all.filter((e) => e.event.subjectId !== null && asked.includes(e.event.subjectId) && recordSeqOf(e.event, e.seq) !== null)
        .sort((a, b) => compareText(a.event.subjectId ?? '', b.event.subjectId ?? '') || a.seq - b.seq);
      const found = await store.read((tx) => tx.eventsOf(asked));
      expect(found).toEqual(expected);
      expect(found.filter((e) => e.event.subjectId === person(6)).map((e) => e.event.type))
        .toEqual(['record.furnished', 'record.furnished', 'record.fulfilled', 'record.corrected', 'record.fulfilled']);
      expect(found.filter((e) => e.event.subjectId === person(7)).map((e) => e.event.type)).toEqual(['record.furnished']);
    });

    it('plans the events of subjects on indexes: no scan of the log', async () => {
      const { store, ledger } = await setup();
      const id = await furnishOne(ledger, 'p-1', 3);
      await ledger.fulfil('court-1', id, { fulfilledAt: T0 + DAY }, T0 + DAY);
      const plan = await store.read(async (tx) => {
        const query = eventsOfSql(tx.sql.inList);
        const ids = [person(3)];
        if (store.dialect === 'sqlite') return (await tx.sql.all(`explain query plan ${query}`, [ids, ids])).map((r) => String(r.detail));
        // PostgreSQL would scan tables this small anyway: asked not to, it shows which indexes the query can use.
        await tx.sql.all('set local enable_seqscan = off', []);
        return (await tx.sql.all(`explain ${query}`, [ids, ids])).map((r) => String(r['QUERY PLAN']));
      });
      const text = plan.join('\n');
      expect(text).toContain('events_record_change');
      expect(text).not.toMatch(/SCAN e\b|Seq Scan on events/);
    });

    it('retracts a record: it stops counting entirely', async () => {
      const { ledger } = await setup();
      const id = await furnishOne(ledger, 'r-1', 5);
      await ledger.retract('court-1', id, { reason: 'furnished in error' }, T0 + DAY);
      const standing = await ledger.standing(person(5), T0 + DAY);
      expect(standing).toMatchObject({ points: 1000, lists: [] });
      expect(await codeOf(ledger.fulfil('court-1', id, {}, T0 + 2 * DAY))).toBe('record_not_active');
      const file = await ledger.file(person(5), T0 + DAY);
      expect(file?.standing.explanation).toEqual([expect.objectContaining({ recordId: id, state: 'retracted', points: 0 })]);
    });

    it('never shows a listing at a time after its term ended, and the sweep persists the change', async () => {
      const { store, ledger } = await setup();
      await furnishOne(ledger, 's-1', 6);
      const stored = await store.read((tx) => tx.standings([person(6)], '2026.1'));
      const termEnd = stored[0]?.lists.find((l) => l.listId === 'judgment-defaulters')?.until ?? 0;
      expect(termEnd).toBe(Date.UTC(2026, 5, 1));
      expect((await ledger.standing(person(6), termEnd - 1))?.lists.map((l) => l.listId)).toContain('judgment-defaulters');
      expect((await ledger.standing(person(6), termEnd))?.lists.map((l) => l.listId)).not.toContain('judgment-defaulters');
      expect(await ledger.sweep(termEnd - 1)).toBe(0);
      const progress: number[] = [];
      expect(await ledger.sweep(termEnd, (p) => void progress.push(p.done))).toBe(1);
      expect(progress).toEqual([1]);
      const [after] = await store.read((tx) => tx.standings([person(6)], '2026.1'));
      expect(after?.lists.map((l) => l.listId)).not.toContain('judgment-defaulters');
      expect(after?.at).toBe(termEnd);
      expect(after?.nextChangeAt).toBeGreaterThan(termEnd);
      expect((await ledger.verifyIntegrity()).ok).toBe(true);
    });

    it('re-rates everyone when a rulebook is published, and switches only once all are re-rated', async () => {
      const { store, ledger } = await setup({ batchSize: 2 });
      for (let i = 0; i < 5; i += 1) await furnishOne(ledger, `pub-${i}`, i);
      const before = await ledger.standing(person(0), T0);
      const yaml = DEFAULT_YAML.replace('version: "2026.1"', 'version: "2026.2"')
        .replace(/(id: defaulter-refuses\n\s+type: court\.defaulter\.refuses_to_perform\n\s+points: )-100/, '$1-150');
      expect(yaml).not.toBe(DEFAULT_YAML);
      const seen: string[] = [];
      let furnishedDuring = false;
      const result = await ledger.publishRulebook(yaml, T0 + DAY, async (p) => {
        seen.push(`${p.done}/${p.total}`);
        for (let i = 0; i < 5; i += 1) expect((await ledger.standing(person(i), T0 + DAY))?.rulebookVersion).toBe('2026.1');
        if (!furnishedDuring) {
          furnishedDuring = true;
          await furnishOne(ledger, 'during', 7, T0 + DAY);
        }
      });
      expect(result).toMatchObject({ version: '2026.2', alreadyCurrent: false });
      expect(result.subjects).toBeGreaterThanOrEqual(5);
      expect(seen[0]).toBe('2/5');
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < 5; i += 1) {
        expect((await ledger.standing(person(i), T0 + DAY))?.rulebookVersion).toBe('2026.2');
      }
      expect((await ledger.standing(person(0), T0 + DAY))?.points).toBe((before?.points ?? 0) - 50);
      expect((await ledger.standing(person(7), T0 + DAY))?.rulebookVersion).toBe('2026.2');
      const events = await store.read((tx) => tx.events(1, 1000));
      expect(events.at(-1)?.event).toMatchObject({ type: 'rulebook.published', version: '2026.2' });
      expect((await store.read((tx) => tx.rulebooks())).map((r) => [r.version, r.status])).toEqual([['2026.1', 'retired'], ['2026.2', 'published']]);
      expect(await ledger.publishRulebook(yaml, T0 + 2 * DAY)).toMatchObject({ alreadyCurrent: true });
      expect(await codeOf(ledger.publishRulebook(yaml.replace('-150', '-160'), T0 + 2 * DAY))).toBe('invalid_rulebook');
      expect(await codeOf(ledger.publishRulebook('version: 1\nrules: nope', T0 + 2 * DAY))).toBe('invalid_rulebook');
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('never changes one subject\'s standing through another subject\'s record', async () => {
      const { store, ledger } = await setup();
      await furnishOne(ledger, 'a-1', 0);
      const [bBefore] = await store.read((tx) => tx.standings([person(1)], '2026.1'));
      await furnishOne(ledger, 'b-1', 1);
      const [bAfter] = await store.read((tx) => tx.standings([person(1)], '2026.1'));
      const [aBefore] = await store.read((tx) => tx.standings([person(0)], '2026.1'));
      await ledger.furnish('court-1', Array.from({ length: 5 }, (_, k) => judgment(`b-${k + 2}`, 1, { occurredAt: `2024-0${k + 1}-15` })), T0 + DAY);
      await ledger.fulfil('court-1', (await ledger.recordByRef('court-1', 'b-1'))?.id ?? never(), {}, T0 + 2 * DAY);
      const [aAfter] = await store.read((tx) => tx.standings([person(0)], '2026.1'));
      expect(bBefore).toBeUndefined();
      expect(bAfter).toBeDefined();
      expect(aAfter).toEqual(aBefore);
      const org = await ledger.furnish('court-1', [{ ...judgment('o-1', 0), subject: { scheme: 'cn-uscc', identifier: ORG } }], T0);
      expect(org.items[0]?.status).toBe('accepted');
      expect(await store.read((tx) => tx.standings([person(0)], '2026.1'))).toEqual([aAfter]);
    });

    it('verifies integrity and names the subject whose stored standing does not match its events', async () => {
      const { store, ledger } = await setup();
      await furnishOne(ledger, 't-1', 2);
      await furnishOne(ledger, 't-2', 3);
      expect(await ledger.verifyIntegrity()).toMatchObject({ ok: true, subjects: 2, records: 2 });
      await store.write(async (tx) => {
        const [s] = await tx.standings([person(3)], '2026.1');
        await tx.putStandings([{ ...(s ?? never()), points: 1000, lists: [] }]);
      });
      const report = await ledger.verifyIntegrity();
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'standing', subjectId: person(3) })]);
    });

    it('refuses a revoked furnisher', async () => {
      const { ledger } = await setup();
      await ledger.revokeClient('court-2', 'court merged', T0);
      expect(await codeOf(ledger.furnish('court-2', [judgment('z-1', 0)], T0))).toBe('forbidden');
      expect(await codeOf(ledger.registerClient({ id: 'court-1', role: 'furnisher', name: 'Other', furnisherKind: 'court', scope: {} }, T0))).toBe('invalid_request');
    });
  });
}

/** Code-unit order, as the databases (C collation, SQLite's binary) order the ids. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function never(): never {
  throw new Error('unexpected: missing value');
}
