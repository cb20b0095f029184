import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('file');
const db = `sqlite:${join(dir, 'credence.db')}`;
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', db, ...args], { cwd: dir });

const PERSON = '11010519491231002X';
const record = (furnisherRef: string, occurredAt: string): string =>
  JSON.stringify({
    furnisherRef,
    subject: { scheme: 'cn-rid', identifier: PERSON },
    type: 'court.defaulter.refuses_to_perform',
    occurredAt,
    attributes: { caseNumber: '(2026)京0105执1234号', court: '北京市朝阳区人民法院', obligation: 'Repay a loan of 120000 yuan', amount: 120000 },
    legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1',
  });

beforeAll(async () => {
  expect((await cli('furnisher', 'add', 'test-court', '--kind', 'court', '--name', 'Test Court')).code).toBe(0);
  const input = join(dir, 'records.ndjson');
  writeFileSync(input, `${record('case-1', '2026-01-15')}\n${JSON.stringify({ op: 'fulfil', furnisherRef: 'case-1', fulfilledAt: '2026-08-01' })}\n`);
  const r = await cli('import', input, '--furnisher', 'test-court');
  expect(r.stdout, r.stderr).toMatch(/^\s*1\s+fulfilled/m);
});

describe('credence file', () => {
  it("prints the subject's grade, points, lists with their terms, measures, and why each record counts", async () => {
    const r = await cli('file', PERSON, '--at', '2026-06-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cn-rid:11010519491231002X {2}person, 北京市\S+ \(110105\)\n/);
    expect(r.stdout).toMatch(/grade B, 900 points/);
    expect(r.stdout).toMatch(/black list Dishonest judgment defaulters \[judgment-defaulters\]: since 2026-01-15, until 2026-08-01/);
    expect(r.stdout).toMatch(/aviation\.ticket\.purchase: denied/);
    expect(r.stdout).toMatch(/counts −100 points until 2031-01-15 \(rule defaulter-refuses\)/);
    expect(r.stdout).toMatch(/furnished by test-court \(their ref case-1\)/);
  });

  it('shows the fulfilment: the listing lifted and the record moving its fulfilled points', async () => {
    const r = await cli('file', `cn-rid:${PERSON}`, '--at', '2026-09-01');
    expect(r.stdout).toMatch(/lists\n {2}none/);
    expect(r.stdout).toMatch(/fulfilled on 2026-08-01: now counts −20 points/);
  });

  it('says so for an unknown subject and an invalid identifier, in one line', async () => {
    const unknown = await cli('file', '440524188001010014');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('credence: cn-rid:440524188001010014 has no file: no record was ever furnished about this subject\n');
    const invalid = await cli('file', 'cn-rid:110105194912310021');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^credence: cn-rid:110105194912310021: check character should be X, found 1\n$/);
  });
});

describe('credence check', () => {
  it('denies a flight to a listed defaulter, naming the measure, the list, the record and the legal basis (exit 3)', async () => {
    const r = await cli('check', PERSON, 'aviation.ticket.purchase', '--at', '2026-06-01');
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/^DENY {2}aviation\.ticket\.purchase for cn-rid:11010519491231002X/);
    expect(r.stdout).toMatch(/restrict-flights/);
    expect(r.stdout).toMatch(/rec_\w+/);
    expect(r.stdout).toMatch(/legal basis: SPC/);
  });

  it('allows a D-train second-class seat but not a G-train seat, with the context typed by the action', async () => {
    const d = await cli('check', PERSON, 'rail.ticket.purchase', '--context', 'trainType=D', '--context', 'seatClass=second', '--at', '2026-06-01');
    expect(d.code, d.stdout + d.stderr).toBe(0);
    expect(d.stdout).toMatch(/^ALLOW/);
    const g = await cli('check', PERSON, 'rail.ticket.purchase', '--context', 'trainType=G', '--context', 'seatClass=second', '--at', '2026-06-01', '--json');
    expect(g.code).toBe(3);
    expect((JSON.parse(g.stdout) as { outcome: string }).outcome).toBe('deny');
  });

  it('allows once the judgment is performed, and allows a subject without a file', async () => {
    expect((await cli('check', PERSON, 'aviation.ticket.purchase', '--at', '2026-09-01')).code).toBe(0);
    const clean = await cli('check', '91350100M000100Y43', 'aviation.ticket.purchase');
    expect(clean.stdout).toMatch(/^ALLOW/);
  });

  it('refuses an unknown action or an ill-typed context instead of allowing', async () => {
    const action = await cli('check', PERSON, 'teleport');
    expect(action.code).toBe(1);
    expect(action.stderr).toMatch(/^credence: unknown action "teleport"; .* \(unknown_action\)\n$/);
    const context = await cli('check', PERSON, 'rail.ticket.purchase', '--context', 'trainType=maglev', '--context', 'seatClass=second');
    expect(context.code).toBe(1);
    expect(context.stderr).toMatch(/invalid_context/);
    const form = await cli('check', PERSON, 'rail.ticket.purchase', '--context', 'trainType');
    expect(form.stderr).toBe('credence: --context trainType: write it as key=value, e.g. --context trainType=G\n');
  });
});
