import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OversightView } from '../../src/server/schemas/oversight.js';
import type { View } from '../../src/server/schemas/common.js';
import { defaulterRecord, ORGANIZATION, OTHER_PERSON, PERSON, startHarness, type Harness } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

type Figures = View<typeof OversightView>;
const DAY = 86_400_000;

// The figures are SQL aggregates (JSON over the stored standings among them): both databases must agree.
describe.each(['sqlite', 'postgres'] as const)('GET /v1/oversight on %s', (db) => {
  let pg: TestPostgres | undefined;
  let h: Harness;
  let figures: Figures;
  beforeAll(async () => {
    if (db === 'postgres') pg = await startPostgres();
    h = await startHarness(pg ? { url: await pg.createDatabase('oversight') } : {});
    // Two defaulters (one judgment performed 10 days ago), a subject with nothing listed, one refused item.
    const furnished = await h.call(h.keys.court, {
      method: 'POST', url: '/v1/records',
      payload: { records: [defaulterRecord('d-1'), defaulterRecord('d-2', ORGANIZATION, '2026-05-01'), { ...defaulterRecord('bad-1'), type: 'social.friends' }] },
    });
    const items = furnished.json<{ items: { recordId?: string; status: string }[] }>().items;
    expect(items.map((i) => i.status)).toEqual(['accepted', 'accepted', 'rejected']);
    h.clock.now -= 10 * DAY;
    await h.call(h.keys.court, { method: 'POST', url: `/v1/records/${items[1]?.recordId ?? ''}/fulfilment`, payload: {} });
    h.clock.now += 10 * DAY;
    await h.call(h.keys.court, { method: 'POST', url: '/v1/records', payload: { records: [{ ...defaulterRecord('c-1', OTHER_PERSON), type: 'court.consumption_restriction', attributes: { caseNumber: '(2026)京0105执9号', court: '北京市朝阳区人民法院' } }] } });
    for (let i = 0; i < 3; i++) await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    await h.call(h.keys.railway, { method: 'POST', url: '/v1/checks', payload: { subject: ORGANIZATION, action: 'rail.ticket.purchase', purpose: 'ticket-sale', context: { trainType: 'K', seatClass: 'hard_seat' } } });
    await h.app.deps.inquiries.drain();
    const res = await h.call(h.keys.operator, { method: 'GET', url: '/v1/oversight' });
    expect(res.statusCode, res.body).toBe(200);
    figures = res.json<Figures>();
  });
  afterAll(async () => {
    await h?.close();
    pg?.stop();
  });

  it('counts subjects by kind and by grade', () => {
    expect(figures.subjects).toMatchObject({ total: 3, person: 2, organization: 1, public_body: 0 });
    expect(figures.grades.map((g) => g.grade)).toEqual(['AAA', 'AA', 'A', 'B', 'C', 'D']);
    expect(figures.grades.reduce((n, g) => n + g.subjects, 0) + figures.subjects.unrated).toBe(3);
  });

  it('gives list sizes now and a daily series that sees a listing lifted inside the window', () => {
    const size = (id: string) => figures.lists.find((l) => l.listId === id)?.subjects;
    expect(size('judgment-defaulters')).toBe(1);
    expect(size('consumption-restricted')).toBe(2);
    expect(figures.lists.find((l) => l.listId === 'honor-aaa')).toMatchObject({ byGrade: true });
    if (!('days' in figures.listHistory)) throw new Error('list history skipped');
    expect(figures.listHistory.days).toHaveLength(90);
    expect(figures.listHistory.days.at(-1)).toBe('2026-06-01');
    const series = figures.listHistory.series.find((s) => s.listId === 'judgment-defaulters')?.subjects ?? [];
    // The organization was listed from 1 May until its judgment was performed on 22 May; the person all along.
    expect(series.at(-1)).toBe(1);
    expect(series[89 - 15]).toBe(2);
    expect(series[0]).toBe(1);
    expect(figures.listHistory.series.some((s) => s.listId === 'honor-aaa')).toBe(false);
  });

  it('counts checks and denials per sector and action over the last 30 days', () => {
    expect(figures.checks).toMatchObject({ days: 30, total: 4, denials: 3 });
    expect(figures.checks.byAction).toEqual([
      { sector: 'aviation', action: 'aviation.ticket.purchase', checks: 3, denials: 3 },
      { sector: 'rail', action: 'rail.ticket.purchase', checks: 1, denials: 0 },
    ]);
  });

  it('counts refused items by reason, and no dispute yet', () => {
    expect(figures.rejections).toEqual([{ reason: 'unknown_record_type', items: 1 }]);
    expect(figures.disputes).toMatchObject({ opened: 0, awaitingFurnisher: 0, overdueFurnisher: 0, restorationsPending: 0 });
  });

  it('names no subject, and an auditor gets the same figures', async () => {
    for (const s of [PERSON, OTHER_PERSON, ORGANIZATION]) expect(JSON.stringify(figures)).not.toContain(s.identifier);
    const res = await h.call(h.keys.auditor, { method: 'GET', url: '/v1/oversight' });
    expect(res.json()).toEqual(figures);
  });

  it('recomputes once its figures are older than 30 seconds', async () => {
    await h.call(h.keys.airline, { method: 'POST', url: '/v1/checks', payload: { subject: PERSON, ...FLIGHT } });
    await h.app.deps.inquiries.drain();
    const cached = (await h.call(h.keys.operator, { method: 'GET', url: '/v1/oversight' })).json<Figures>();
    expect(cached.checks.total).toBe(4);
    h.clock.now += 31_000;
    const fresh = (await h.call(h.keys.operator, { method: 'GET', url: '/v1/oversight' })).json<Figures>();
    expect(fresh.checks.total).toBe(5);
    expect(Date.parse(fresh.at)).toBe(h.clock.now);
  });
});
