import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectId, type RecordId } from '../../src/core/brand.js';
import { auditLog } from '../../src/cli/log/audit-log.js';
import { sqliteDatabases, type TestDatabases } from '../log/support/log-db.js';
import { buildRegistry, type TestRegistry } from '../log/support/registry.js';

const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' };
const ORG = { scheme: 'cn-uscc', identifier: '91350100M000100Y43' };
const CASE = '(2026)京0105执55号';
const judgment = (ref: string, caseNumber: string) => ({
  furnisherRef: ref, subject: PERSON, type: 'court.defaulter.refuses_to_perform', occurredAt: '2026-03-01',
  attributes: { caseNumber, court: '北京市朝阳区人民法院', obligation: 'Pay 800 yuan', amount: 800 }, legalBasis: 'SPC Provisions, Art. 1(1)',
});

/** The independent auditor replays due-process events like any other: every stored row must match its replay. */
describe('the auditor on a registry with disputes, appeals, restorations and statements', () => {
  let dbs: TestDatabases;
  let r: TestRegistry;
  beforeAll(async () => {
    dbs = sqliteDatabases();
    r = await buildRegistry(await dbs.create('due-process'), 40);
  });
  afterAll(async () => {
    await r.close();
    dbs.stop();
  });

  it('finds every row equal to the replay of the events', async () => {
    const { ledger } = r.app.deps;
    const dp = ledger.dueProcess;
    const at = () => (r.clock.now += 3_600_000);
    const furnish = async (furnisher: string, record: object): Promise<RecordId> => {
      const item = (await ledger.furnish(furnisher, [record], at())).items[0];
      if (item?.status !== 'accepted') throw new Error(JSON.stringify(item));
      return item.recordId;
    };
    const person = subjectId(`cn-rid:${PERSON.identifier}`);
    const [a, b, c] = [await furnish('demo-court', judgment('aud-1', CASE)), await furnish('demo-court', judgment('aud-2', '(2026)京0105执56号')), await furnish('demo-court', judgment('aud-3', '(2026)京0105执57号'))];
    await dp.attachStatement(person, a, 'I paid this on 1 March.', at());
    const d1 = await dp.openDispute(person, a, { grounds: 'paid', evidence: [{ name: 'r.txt', mediaType: 'text/plain', content: new TextEncoder().encode('receipt') }] }, at());
    await dp.answerDispute('demo-court', d1.dispute.id, {
      answer: 'corrected', explanation: 'Paid on time.',
      replacement: { furnisherRef: 'aud-1-c', subject: PERSON, type: 'court.judgment.performed', occurredAt: '2026-03-01', attributes: { caseNumber: CASE, court: '北京市朝阳区人民法院', onTime: true }, legalBasis: 'Art. 236' },
    }, at());
    const d2 = await dp.openDispute(person, b, { grounds: 'not mine' }, at());
    await dp.answerDispute('demo-court', d2.dispute.id, { answer: 'confirmed', explanation: 'It is yours.' }, at());
    await dp.appealDispute(person, d2.dispute.id, 'see the file', at());
    await dp.decideAppeal('operator', d2.dispute.id, { outcome: 'overturned', reason: 'namesake' }, at());
    await dp.openDispute(person, c, { grounds: 'wrong amount' }, at());
    r.clock.now += 20 * 86_400_000; // past the deadline: unverified, and the sweep persists it
    await ledger.sweep(r.clock.now);
    await furnish('demo-court', { ...judgment('aud-2-again', '(2026)京0105执56号'), certified: true });

    const penalty = await furnish('demo-market-regulator', {
      furnisherRef: 'aud-pen', subject: ORG, type: 'reg.product_safety_violation', occurredAt: '2025-06-01',
      attributes: { penaltyDecision: '罚〔2025〕1号', fineAmount: 1000, severity: 'minor' }, legalBasis: 'Product Quality Law',
    });
    const applied = await dp.applyForRestoration(subjectId(`cn-uscc:${ORG.identifier}`), { recordId: penalty, listId: 'admin-penalty-publicity', grounds: 'fixed' }, at());
    await dp.decideRestoration('operator', applied.id, { outcome: 'granted', reason: 'rectified' }, at());

    await r.log.checkpoint();
    const report = await auditLog(r.http, { state: null });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await ledger.verifyIntegrity()).problems).toEqual([]);
  });
});
