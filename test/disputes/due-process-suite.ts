import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { subjectId, type Instant, type RecordId, type SubjectId } from '../../src/core/brand.js';
import { addDuration } from '../../src/core/duration.js';
import { DEFAULT_RULEBOOK_PATH, openLedger, recordTypesFor, type Ledger, type RecordedDecision } from '../../src/ledger/index.js';
import { dueProcessReads } from '../../src/store/due-process/due-process-tables.js';
import type { Store } from '../../src/store/index.js';
import { codeOf } from '../support/error-code.js';

export type OpenStore = () => Promise<{ readonly store: Store; close(): Promise<void> }>;

const DAY = 86_400_000;
const cst = (text: string): Instant => Date.parse(`${text}+08:00`);
/** The simulated clock starts on Monday 2026-06-01, 09:00 in Beijing. */
const T0 = cst('2026-06-01T09:00:00');
const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' };
const OTHER = { scheme: 'cn-rid', identifier: '440524188001010014' };
const ORG = { scheme: 'cn-uscc', identifier: '91350100M000100Y43' };
const idOf = (s: { scheme: string; identifier: string }): SubjectId => subjectId(`${s.scheme}:${s.identifier}`);
const CASE = '(2026)京0105执77号';

const judgment = (ref: string, subject = PERSON, over: Record<string, unknown> = {}) => ({
  furnisherRef: ref, subject, type: 'court.defaulter.refuses_to_perform', occurredAt: '2026-04-01',
  attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', obligation: 'Pay the court fee of 5000 yuan', amount: 5000 },
  legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1(1)', ...over,
});
/** What the court puts in place of a wrong listing: the fee was paid, on time. */
const performed = (ref: string) => ({
  furnisherRef: ref, subject: PERSON, type: 'court.judgment.performed', occurredAt: '2026-03-20',
  attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', onTime: true }, legalBasis: 'Civil Procedure Law, Art. 236',
});

/** Disputes, appeals, restoration, statements and notices through the ledger, on a simulated clock. */
export function dueProcessSuite(name: string, open: OpenStore): void {
  describe(`due process: ${name}`, () => {
    const opened: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const close of opened.splice(0)) await close();
    });

    async function setup(): Promise<{ store: Store; ledger: Ledger; record: RecordId }> {
      const { store, close } = await open();
      opened.push(close);
      const ledger = await openLedger(store, { defaultRulebook: readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'), at: T0 - 90 * DAY });
      const court = { role: 'furnisher', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } } as const;
      await ledger.registerClient({ id: 'court-1', name: 'Chaoyang District Court', ...court }, T0 - 90 * DAY);
      await ledger.registerClient({ id: 'court-2', name: 'Haidian District Court', ...court }, T0 - 90 * DAY);
      await ledger.registerClient({ id: 'regulator', role: 'furnisher', name: 'Environment bureau', furnisherKind: 'regulator', scope: { recordTypes: ['reg.environment_violation'] } }, T0 - 90 * DAY);
      const result = await ledger.furnish('court-1', [judgment('j-1')], T0 - 60 * DAY);
      const item = result.items[0];
      if (item?.status !== 'accepted') throw new Error(JSON.stringify(item));
      return { store, ledger, record: item.recordId };
    }
    const listed = async (ledger: Ledger, at: Instant, who = PERSON): Promise<string[]> =>
      ((await ledger.standing(idOf(who), at))?.lists ?? []).map((l) => l.listId);
    const rowOf = async (store: Store, id: RecordId) => (await store.read((tx) => tx.records([id])))[0];
    const eventTypes = async (store: Store, who = PERSON) => (await store.read((tx) => tx.eventsOf([idOf(who)]))).map((e) => e.event.type);

    it('confirmed: the record stops counting at exactly its deadline while unanswered, and counts again once confirmed', async () => {
      const { store, ledger, record } = await setup();
      const opened = await ledger.dueProcess.openDispute(idOf(PERSON), record, {
        grounds: 'I paid this fee; the payment was booked to another case',
        evidence: [{ name: 'receipt.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF receipt 2026-03-20') }],
      }, T0);
      const deadline = cst('2026-06-17T00:00:00'); // 15 days for a court list, to 24:00 CST of the fifteenth
      expect(opened.dispute).toMatchObject({ id: expect.stringMatching(/^dsp_\d+$/), verifyBy: deadline, recordId: record });
      expect((await rowOf(store, record))?.dispute).toEqual({ openedAt: T0, verifyBy: deadline });
      expect(await listed(ledger, deadline - 1)).toContain('judgment-defaulters');
      expect(await listed(ledger, deadline)).toEqual([]);
      expect(await ledger.sweep(deadline)).toBe(1);
      expect((await store.read((tx) => tx.standings([idOf(PERSON)], '2026.1')))[0]?.lists).toEqual([]);

      const sha = opened.dispute.evidence[0]?.sha256 ?? '';
      const evidence = await store.read((tx) => dueProcessReads(tx.sql).evidence(idOf(PERSON), sha));
      expect(new TextDecoder().decode(evidence?.content)).toBe('%PDF receipt 2026-03-20');

      const answered = await ledger.dueProcess.answerDispute('court-1', opened.dispute.id, { answer: 'confirmed', explanation: 'The fee of this case is unpaid.' }, deadline + DAY);
      expect(answered.dispute.answer).toMatchObject({ kind: 'confirmed', by: 'court-1', appealBy: cst('2026-06-29T00:00:00') });
      expect(await listed(ledger, deadline + DAY)).toContain('judgment-defaulters');
      expect(await eventTypes(store)).toEqual(['record.furnished', 'dispute.opened', 'dispute.answered']);
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('corrected: a corrected record supersedes it, the listing lifts, and exactly the relying parties whose decisions rested on it are told', async () => {
      const { store, ledger, record } = await setup();
      const opened = await ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'paid against the wrong case' }, T0);
      const answered = await ledger.dueProcess.answerDispute('court-1', opened.dispute.id, {
        answer: 'corrected', explanation: 'The fee was paid on time and booked to case 78 by mistake.', replacement: performed('j-1-corrected'),
      }, T0 + 3 * DAY);
      const replacement = answered.dispute.answer?.replacementId;
      expect(replacement).toMatch(/^rec_\d+$/);
      expect(await rowOf(store, record)).toMatchObject({ status: 'corrected', supersededBy: replacement });
      expect(await listed(ledger, T0 + 3 * DAY)).toEqual([]);
      expect(await eventTypes(store)).toEqual(['record.furnished', 'dispute.opened', 'dispute.answered', 'record.corrected']);

      const decision = (id: string, clientId: string, at: Instant, recordIds: string[]): RecordedDecision =>
        ({ id, clientId, at, action: 'aviation.ticket.purchase', outcome: recordIds.length > 0 ? 'deny' : 'allow', reasons: [{ recordIds }] });
      const log = [
        decision('dec_airline', 'airline', T0 - 10 * DAY, [record]),
        decision('dec_airline_again', 'airline', T0 - 5 * DAY, [record]),
        decision('dec_railway', 'railway', T0 - 9 * DAY, []),
        decision('dec_hotel_old', 'hotel', T0 - 400 * DAY, [record]),
        decision('dec_lender', 'lender', T0 - 8 * DAY, ['rec_424242']),
      ];
      expect(await ledger.dueProcess.deliverNotices(() => Promise.resolve(log), T0 + 3 * DAY)).toHaveLength(1);
      expect(await ledger.dueProcess.deliverNotices(() => Promise.resolve(log), T0 + 4 * DAY)).toEqual([]);
      const notices = await store.read((tx) => dueProcessReads(tx.sql).noticesAbout(idOf(PERSON)));
      expect(notices).toEqual([expect.objectContaining({
        clientId: 'airline', recordId: record, change: 'corrected', replacementId: replacement, disputeId: opened.dispute.id, at: T0 + 3 * DAY,
        decisions: [expect.objectContaining({ decisionId: 'dec_airline' }), expect.objectContaining({ decisionId: 'dec_airline_again' })],
      })]);
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('retracted: the record is removed and cannot be furnished again without the furnisher certifying it', async () => {
      const { store, ledger, record } = await setup();
      const opened = await ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'not my case' }, T0);
      await ledger.dueProcess.answerDispute('court-1', opened.dispute.id, { answer: 'retracted', explanation: 'Listed in error.' }, T0 + DAY);
      expect((await rowOf(store, record))?.status).toBe('retracted');
      expect(await listed(ledger, T0 + DAY)).toEqual([]);
      expect(await codeOf(ledger.dueProcess.appealDispute(idOf(PERSON), opened.dispute.id, 'x', T0 + 2 * DAY))).toBe('step_not_allowed');

      // The same court, or another, furnishing the same case again under a new ref.
      const again = await ledger.furnish('court-2', [judgment('j-1-again', PERSON, { occurredAt: '2026-04-02' })], T0 + 2 * DAY);
      expect(again.items[0]).toMatchObject({ status: 'rejected', code: 'reinsertion_not_certified' });
      // Another subject's record with the same case number is not affected.
      expect((await ledger.furnish('court-2', [judgment('other-1', OTHER)], T0 + 2 * DAY)).accepted).toBe(1);
      const certified = await ledger.furnish('court-2', [{ ...judgment('j-1-again', PERSON, { occurredAt: '2026-04-02' }), certified: true }], T0 + 2 * DAY);
      expect(certified.items[0]).toMatchObject({ status: 'accepted' });
      const events = await store.read((tx) => tx.eventsOf([idOf(PERSON)]));
      expect(events.at(-1)?.event).toMatchObject({ type: 'record.furnished', record: { certified: true, furnisherRef: 'j-1-again' } });
      expect(await listed(ledger, T0 + 2 * DAY)).toContain('judgment-defaulters');
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('appeal upheld: the record stands and the operator\'s decision is recorded', async () => {
      const { store, ledger, record } = await setup();
      const { dispute } = await ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'not mine' }, T0);
      await ledger.dueProcess.answerDispute('court-1', dispute.id, { answer: 'confirmed', explanation: 'It is yours.' }, T0 + DAY);
      const appealed = await ledger.dueProcess.appealDispute(idOf(PERSON), dispute.id, 'The court ignored my receipt', T0 + 4 * DAY);
      expect(appealed.dispute.appeal?.decideBy).toBe(cst('2026-06-21T00:00:00'));
      expect(await store.read((tx) => dueProcessReads(tx.sql).disputesInPhase('appealed', 10))).toHaveLength(1);
      const decided = await ledger.dueProcess.decideAppeal('operator-a', dispute.id, { outcome: 'upheld', reason: 'The receipt is for another case.' }, T0 + 10 * DAY);
      expect(decided.dispute.decision).toEqual({ outcome: 'upheld', reason: 'The receipt is for another case.', at: T0 + 10 * DAY, by: 'operator-a' });
      expect(await listed(ledger, T0 + 10 * DAY)).toContain('judgment-defaulters');
      expect(await codeOf(ledger.dueProcess.decideAppeal('operator-a', dispute.id, { outcome: 'overturned', reason: 'x' }, T0 + 11 * DAY))).toBe('step_not_allowed');
      const last = (await store.read((tx) => tx.eventsOf([idOf(PERSON)]))).at(-1);
      expect(last).toMatchObject({ actor: 'operator-a', event: { type: 'dispute.decided', outcome: 'upheld' } });
    });

    it('appeal overturned: the record is removed, relying parties are owed a notice, and it cannot come back uncertified', async () => {
      const { store, ledger, record } = await setup();
      const { dispute } = await ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'not mine' }, T0);
      await ledger.dueProcess.answerDispute('court-1', dispute.id, { answer: 'confirmed', explanation: 'It is yours.' }, T0 + DAY);
      await ledger.dueProcess.appealDispute(idOf(PERSON), dispute.id, 'See the receipt', T0 + 2 * DAY);
      const decided = await ledger.dueProcess.decideAppeal('operator-a', dispute.id, { outcome: 'overturned', reason: 'The receipt matches this case.' }, T0 + 3 * DAY);
      expect(decided.dispute.decision?.removedRecordId).toBe(record);
      expect((await rowOf(store, record))?.status).toBe('retracted');
      expect(await listed(ledger, T0 + 3 * DAY)).toEqual([]);
      expect(await store.read((tx) => dueProcessReads(tx.sql).pendingNoticeJobs(10))).toEqual([
        expect.objectContaining({ recordId: record, change: 'removed', disputeId: dispute.id }),
      ]);
      expect((await ledger.furnish('court-1', [judgment('j-1-b')], T0 + 4 * DAY)).items[0]).toMatchObject({ code: 'reinsertion_not_certified' });
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('refuses an appeal after its 10 days, and steps on other people\'s disputes', async () => {
      const { ledger, record } = await setup();
      expect(await codeOf(ledger.dueProcess.openDispute(idOf(OTHER), record, { grounds: 'x' }, T0))).toBe('not_found');
      const { dispute } = await ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'not mine' }, T0);
      expect(await codeOf(ledger.dueProcess.openDispute(idOf(PERSON), record, { grounds: 'again' }, T0 + 1))).toBe('dispute_open');
      expect(await codeOf(ledger.dueProcess.answerDispute('court-2', dispute.id, { answer: 'retracted', explanation: 'x' }, T0 + DAY))).toBe('not_found');
      await ledger.dueProcess.answerDispute('court-1', dispute.id, { answer: 'confirmed', explanation: 'It is yours.' }, T0 + DAY);
      expect(await codeOf(ledger.dueProcess.appealDispute(idOf(OTHER), dispute.id, 'x', T0 + 2 * DAY))).toBe('not_found');
      expect(await codeOf(ledger.dueProcess.appealDispute(idOf(PERSON), dispute.id, 'late', cst('2026-06-13T00:00:00')))).toBe('deadline_passed');
      expect(await codeOf(ledger.dueProcess.appealDispute(idOf(PERSON), dispute.id, 'in time', cst('2026-06-12T23:59:59')))).toBe('no error');
    });

    it('lets a subject attach a statement to its own record only', async () => {
      const { store, ledger, record } = await setup();
      expect(await codeOf(ledger.dueProcess.attachStatement(idOf(OTHER), record, 'hi', T0))).toBe('not_found');
      expect(await codeOf(ledger.dueProcess.attachStatement(idOf(PERSON), record, 'x'.repeat(501), T0))).toBe('invalid_request');
      await ledger.dueProcess.attachStatement(idOf(PERSON), record, 'I paid the fee; the court is checking its books.', T0);
      await ledger.dueProcess.attachStatement(idOf(PERSON), record, 'I paid the fee on 20 March; dispute open.', T0 + DAY);
      const statements = await store.read((tx) => dueProcessReads(tx.sql).statementsFor([record, 'rec_999999']));
      expect(statements).toEqual([{ subjectId: idOf(PERSON), recordId: record, text: 'I paid the fee on 20 March; dispute open.', attachedAt: T0 + DAY }]);
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });

    it('restores a publicity listing early only after its minimum and on the operator\'s grant, keeping the points', async () => {
      const { ledger } = await setup();
      const furnished = await ledger.furnish('regulator', [{
        furnisherRef: 'env-1', subject: ORG, type: 'reg.environment_violation', occurredAt: '2026-01-10',
        attributes: { penaltyDecision: '京环罚〔2026〕12号', fineAmount: 20000, severity: 'serious' }, legalBasis: 'Environmental Protection Law, Art. 59',
      }], T0);
      const item = furnished.items[0];
      if (item?.status !== 'accepted') throw new Error(JSON.stringify(item));
      const org = idOf(ORG);
      const minimum = addDuration(Date.parse('2026-01-10T00:00:00+08:00'), { years: 0, months: 3, days: 0 });
      expect(await listed(ledger, T0, ORG)).toContain('admin-penalty-publicity');
      const input = { recordId: item.recordId, listId: 'admin-penalty-publicity', grounds: 'Fine paid, plant fixed.' };
      expect(await codeOf(ledger.dueProcess.applyForRestoration(org, input, minimum - 1))).toBe('restoration_not_available');
      expect(await codeOf(ledger.dueProcess.applyForRestoration(idOf(PERSON), input, T0))).toBe('not_found');
      const applied = await ledger.dueProcess.applyForRestoration(org, input, T0);
      expect(await codeOf(ledger.dueProcess.applyForRestoration(org, input, T0 + 1))).toBe('restoration_not_available');
      const points = (await ledger.standing(org, T0 + DAY))?.points;
      const granted = await ledger.dueProcess.decideRestoration('operator-a', applied.id, { outcome: 'granted', reason: 'Rectified.' }, T0 + DAY);
      expect(granted.decision).toMatchObject({ outcome: 'granted', at: T0 + DAY });
      expect(await listed(ledger, T0 + DAY, ORG)).not.toContain('admin-penalty-publicity');
      expect((await ledger.standing(org, T0 + DAY))?.points).toBe(points);
      expect(await codeOf(ledger.dueProcess.decideRestoration('operator-a', applied.id, { outcome: 'refused', reason: 'x' }, T0 + 2 * DAY))).toBe('step_not_allowed');
      expect((await ledger.verifyIntegrity()).problems).toEqual([]);
    });
  });
}
