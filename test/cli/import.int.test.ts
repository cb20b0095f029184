import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('import');
const db = `sqlite:${join(dir, 'credence.db')}`;
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', db, ...args], { cwd: dir });

const PERSON = '11010519491231002X';
const ORG = '91350100M000100Y43';
const defaulter = {
  furnisherRef: 'case-1',
  subject: { scheme: 'cn-rid', identifier: PERSON },
  type: 'court.defaulter.refuses_to_perform',
  occurredAt: '2026-01-15',
  attributes: { caseNumber: '(2026)京0105执1234号', court: '北京市朝阳区人民法院', obligation: 'Repay a loan of 120000 yuan', amount: 120000 },
  legalBasis: 'SPC Provisions on the List of Dishonest Judgment Defaulters, Art. 1',
};
const breach = {
  furnisherRef: 'case-2',
  subject: { scheme: 'cn-uscc', identifier: ORG },
  type: 'court.civil.breach_of_contract',
  occurredAt: '2026-02-01',
  attributes: { caseNumber: '(2026)闽0102民初77号', court: '福州市鼓楼区人民法院', amount: 15000 },
  legalBasis: 'Civil Code of the PRC, Art. 577',
};

interface Rejected {
  readonly line: number;
  readonly code: string;
  readonly reason: string;
  readonly raw: string;
  readonly truncated?: boolean;
  readonly bytes?: number;
}
const rejectedOf = (input: string): Rejected[] =>
  readFileSync(`${input}.rejected.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rejected);

/** The figure in the summary line that ends with `label`. */
function count(stdout: string, label: string): number {
  const m = new RegExp(`^\\s*([\\d,]+)\\s+${label}`, 'm').exec(stdout);
  if (!m?.[1]) throw new Error(`no "${label}" in:\n${stdout}`);
  return Number(m[1].replaceAll(',', ''));
}

beforeAll(async () => {
  const r = await cli('furnisher', 'add', 'test-court', '--kind', 'court', '--name', 'Test Court');
  expect(r.code, r.stderr).toBe(0);
});

describe('credence import', () => {
  it('imports a mixed NDJSON file: good records in, each bad line reported once with its reason, duplicates recognised', async () => {
    const input = join(dir, 'mixed.ndjson');
    writeFileSync(input, [
      JSON.stringify(defaulter),
      '{"furnisherRef": "case-x", oops',
      JSON.stringify({ ...defaulter, furnisherRef: 'case-3', type: 'court.political_opinion' }),
      JSON.stringify({ ...breach, furnisherRef: 'case-4', attributes: { ...breach.attributes, religion: 'none' } }),
      JSON.stringify({ ...defaulter, furnisherRef: 'case-5', subject: { scheme: 'cn-rid', identifier: '110105194912310021' } }),
      JSON.stringify(defaulter),
      '',
      JSON.stringify(breach),
    ].join('\n'));
    const r = await cli('import', input, '--furnisher', 'test-court');
    expect(r.code, r.stderr).toBe(0);
    expect([count(r.stdout, 'accepted'), count(r.stdout, 'duplicates'), count(r.stdout, 'rejected')]).toEqual([2, 1, 4]);
    const rejected = rejectedOf(input);
    expect(rejected.map((x) => [x.line, x.code])).toEqual([
      [2, 'invalid_request'],
      [3, 'unknown_record_type'],
      [4, 'invalid_attributes'],
      [5, 'invalid_identifier'],
    ]);
    expect(rejected[0]?.reason).toMatch(/malformed JSON/);
    expect(rejected[2]?.reason).toMatch(/religion/);
    expect(rejected[3]?.reason).toMatch(/check character/);
    expect(rejected[1]?.raw).toContain('court.political_opinion');

    // Idempotent: the same file again adds nothing and reports the same rejections.
    const again = await cli('import', input, '--furnisher', 'test-court');
    expect([count(again.stdout, 'accepted'), count(again.stdout, 'duplicates'), count(again.stdout, 'rejected')]).toEqual([0, 3, 4]);
    expect(rejectedOf(input)).toHaveLength(4);
  });

  it('imports CSV with attr.* columns, quoted commas and line breaks, typed by the taxonomy', async () => {
    const input = join(dir, 'records.csv');
    writeFileSync(input, [
      'furnisherRef,scheme,identifier,type,occurredAt,legalBasis,attr.caseNumber,attr.court,attr.amount,attr.obligation',
      `csv-1,cn-rid,${PERSON},court.defaulter.evades_enforcement,2026-03-01,"SPC Provisions, Art. 1(3)",(2026)京0105执88号,北京市朝阳区人民法院,5000,"Pay 5000 yuan,\nwith interest"`,
      `csv-2,cn-uscc,${ORG},court.civil.breach_of_contract,2026-03-02,Civil Code Art. 577,(2026)闽0102民初78号,福州市鼓楼区人民法院,not-a-number,`,
      `csv-3,cn-uscc,${ORG},court.civil.breach_of_contract,2026-03-03,Civil Code Art. 577,(2026)闽0102民初79号,福州市鼓楼区人民法院,800,`,
      'csv-4,cn-rid,too,few,fields',
    ].join('\r\n'));
    const r = await cli('import', input, '--furnisher', 'test-court');
    expect(r.code, r.stderr).toBe(0);
    expect([count(r.stdout, 'accepted'), count(r.stdout, 'rejected')]).toEqual([2, 2]);
    expect(rejectedOf(input).map((x) => [x.line, x.code])).toEqual([[4, 'invalid_attributes'], [6, 'invalid_request']]);
  });

  it('stops before furnishing anything when the CSV header has an unknown column', async () => {
    const input = join(dir, 'bad-header.csv');
    writeFileSync(input, 'furnisherRef,scheme,identifier,type,occurredAt,legalBasis,ethnicity\n');
    const r = await cli('import', input, '--furnisher', 'test-court');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^credence: .*line 1: unknown column "ethnicity"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a 5 MB line as too long, keeps 2 KB of it, and imports the lines around it', async () => {
    const input = join(dir, 'long.ndjson');
    const long = JSON.stringify({ ...defaulter, furnisherRef: 'long', attributes: { padding: 'x'.repeat(5 << 20) } });
    writeFileSync(input, [JSON.stringify({ ...defaulter, furnisherRef: 'before' }), long, JSON.stringify({ ...defaulter, furnisherRef: 'after' })].join('\n'));
    const r = await cli('import', input, '--furnisher', 'test-court');
    expect(r.code, r.stderr).toBe(0);
    expect([count(r.stdout, 'accepted'), count(r.stdout, 'rejected')]).toEqual([2, 1]);
    const [only] = rejectedOf(input);
    expect(only?.line).toBe(2);
    expect(only?.reason).toMatch(/^line too long/);
    expect(only?.truncated).toBe(true);
    expect(only?.bytes).toBe(Buffer.byteLength(long));
    expect(only?.raw.length).toBeLessThanOrEqual(2048);
  });

  it('reports a GBK-encoded line as not UTF-8 instead of storing mojibake', async () => {
    const input = join(dir, 'gbk.ndjson');
    const gbkCourt = Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]); // 北京 in GBK
    const [head = '', tail = ''] = JSON.stringify({ ...defaulter, furnisherRef: 'gbk', attributes: { ...defaulter.attributes, court: 'COURT' } }).split('COURT');
    writeFileSync(input, Buffer.concat([Buffer.from(head), gbkCourt, Buffer.from(`${tail}\n`)]));
    const r = await cli('import', input, '--furnisher', 'test-court');
    expect(count(r.stdout, 'rejected')).toBe(1);
    expect(rejectedOf(input)[0]?.reason).toMatch(/not valid UTF-8/);
  });

  it('says in one line what to fix for an unknown furnisher, a missing file or a bad flag', async () => {
    const input = join(dir, 'mixed.ndjson');
    const unknown = await cli('import', input, '--furnisher', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('credence: furnisher nobody is not registered (not_found)');
    const missing = await cli('import', join(dir, 'nope.ndjson'), '--furnisher', 'test-court');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ndjson: ENOENT; check the path/);
    const badBatch = await cli('import', input, '--furnisher', 'test-court', '--batch', '5000');
    expect(badBatch.code).not.toBe(0);
    expect(badBatch.stderr).toMatch(/^credence: option '--batch <n>' argument '5000' is invalid.*; see --help\n$/);
    const typo = await cli('import', input, '--furnisher', 'test-court', '--batchh', '5');
    expect(typo.stderr).toBe("credence: unknown option '--batchh'; Did you mean --batch?; see --help\n");
    const format = await cli('import', join(dir, 'x.txt'), '--furnisher', 'test-court');
    expect(format.stderr).toMatch(/name it \.ndjson, \.jsonl or \.csv/);
    expect(existsSync(`${input}.progress.json`)).toBe(false);
  });
});
