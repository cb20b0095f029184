import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/brand.js';
import type { BatchResult, ItemResult } from '../../ledger/furnish-types.js';
import type { ImportTarget } from './import-target.js';
import { checkpointPathFor } from './checkpoint.js';
import { runImport, type ImportOptions } from './run-import.js';

/** A ledger stand-in: idempotent by furnisherRef, rejects records without one, counts what it was sent. */
function fakeLedger(): ImportTarget & { stored: Map<string, string>; sent: number; fulfilled: Map<string, string | undefined> } {
  const stored = new Map<string, string>();
  const ledger = {
    stored,
    sent: 0,
    fulfilled: new Map<string, string | undefined>(),
    fulfil(_furnisher: string, ref: string, fulfilledAt: string | undefined) {
      if (!stored.has(ref)) return Promise.resolve({ status: 'rejected' as const, code: 'not_found' as const, reason: `no record ${ref}` });
      const duplicate = ledger.fulfilled.has(ref);
      ledger.fulfilled.set(ref, fulfilledAt);
      return Promise.resolve({ status: 'accepted' as const, duplicate });
    },
    furnish(_furnisher: string, batch: readonly unknown[]): Promise<BatchResult> {
      const items = batch.map((raw, index): ItemResult => {
        ledger.sent += 1;
        const ref = (raw as { furnisherRef?: unknown }).furnisherRef;
        if (typeof ref !== 'string') return { index, furnisherRef: null, status: 'rejected', code: 'invalid_request', reason: 'furnisherRef is required' };
        const duplicate = stored.has(ref);
        stored.set(ref, JSON.stringify(raw));
        return { index, furnisherRef: ref, status: 'accepted', recordId: recordId(`rec_${ref}`), duplicate };
      });
      const count = (p: (i: ItemResult) => boolean): number => items.filter(p).length;
      return Promise.resolve({
        items,
        accepted: count((i) => i.status === 'accepted' && !i.duplicate),
        duplicates: count((i) => i.status === 'accepted' && i.duplicate),
        rejected: count((i) => i.status === 'rejected'),
      });
    },
  };
  return ledger;
}

function inputFile(lines: readonly string[], name = 'in.ndjson'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'credence-import-')), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const base = (input: string, target: ImportTarget): ImportOptions => ({ input, format: 'ndjson', furnisherId: 'f1', target, clock: () => 0, batchSize: 3 });
const rec = (i: number): string => JSON.stringify({ furnisherRef: `r${i}`, type: 't' });
const rejectedLines = (input: string): { line: number; code: string; reason: string }[] =>
  readFileSync(`${input}.rejected.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; code: string; reason: string });

describe('runImport', () => {
  it('sends every record, reports bad lines with their line numbers, and leaves no checkpoint when done', async () => {
    const input = inputFile([rec(1), '{oops', rec(2), '', '[1]', JSON.stringify({ type: 'x' }), rec(3), rec(4)]);
    const ledger = fakeLedger();
    const s = await runImport(base(input, ledger));
    expect([s.accepted, s.duplicates, s.rejected, s.interrupted]).toEqual([4, 0, 3, false]);
    expect(rejectedLines(input).map((r) => [r.line, r.code])).toEqual([[2, 'invalid_request'], [5, 'invalid_request'], [6, 'invalid_request']]);
    expect(existsSync(checkpointPathFor(input))).toBe(false);
  });

  it('stops after a complete batch when asked, and a re-run resumes there without resending or double-counting', async () => {
    const input = inputFile([rec(1), rec(2), '{bad', rec(3), rec(4), rec(5), rec(6), '{bad', rec(7)]);
    const ledger = fakeLedger();
    const first = await runImport({ ...base(input, ledger), shouldStop: () => true });
    expect(first.interrupted).toBe(true);
    expect(ledger.sent).toBe(3);
    const checkpoint = JSON.parse(readFileSync(checkpointPathFor(input), 'utf8')) as { nextLine: number };
    expect(checkpoint.nextLine).toBe(5);
    const second = await runImport(base(input, ledger));
    expect(ledger.sent).toBe(7);
    expect([second.accepted, second.duplicates, second.rejected, second.resumedAtLine]).toEqual([7, 0, 2, 5]);
    expect(rejectedLines(input).map((r) => r.line)).toEqual([3, 8]);
  });

  it('after a crash past the checkpoint, re-sends the unacknowledged tail, which the ledger reports as duplicates', async () => {
    const input = inputFile([rec(1), rec(2), rec(3), rec(4)]);
    const ledger = fakeLedger();
    ledger.stored.set('r1', '{}');
    ledger.stored.set('r2', '{}');
    const s = await runImport(base(input, ledger));
    expect([s.accepted, s.duplicates]).toEqual([2, 2]);
  });

  it('ignores a checkpoint of another furnisher or of a changed file', async () => {
    const input = inputFile([rec(1), rec(2), rec(3), rec(4)]);
    const ledger = fakeLedger();
    await runImport({ ...base(input, ledger), shouldStop: () => true });
    const other = await runImport({ ...base(input, ledger), furnisherId: 'f2' });
    expect(other.resumedAtLine).toBeNull();
    expect(other.linesThisRun).toBe(4);
  });

  it('rejects an over-long line with its size and goes on', async () => {
    const input = inputFile([rec(1), JSON.stringify({ furnisherRef: 'big', pad: 'x'.repeat(5000) }), rec(2)]);
    const s = await runImport({ ...base(input, fakeLedger()), maxLineBytes: 1000 });
    expect([s.accepted, s.rejected]).toEqual([2, 1]);
    const [r] = rejectedLines(input) as [{ line: number; code: string; reason: string; raw?: string; truncated?: boolean }];
    expect(r.line).toBe(2);
    expect(r.reason).toMatch(/line too long: 5\d{3} bytes/);
  });

  it('applies fulfilments after the records of their batch, and rejects one that names no record', async () => {
    const fulfil = (ref: string): string => JSON.stringify({ op: 'fulfil', furnisherRef: ref, fulfilledAt: '2026-01-02' });
    const input = inputFile([rec(1), fulfil('r1'), fulfil('r9'), rec(2), JSON.stringify({ op: 'retract', furnisherRef: 'r2' })]);
    const ledger = fakeLedger();
    const s = await runImport(base(input, ledger));
    expect([s.accepted, s.fulfilled, s.rejected]).toEqual([2, 1, 2]);
    expect(ledger.fulfilled.get('r1')).toBe('2026-01-02');
    expect(rejectedLines(input).map((r) => [r.line, r.code])).toEqual([[3, 'not_found'], [5, 'invalid_request']]);
  });

  it('commits up to 20 batches together and fulfils in bulk when the target can, with the same answers per line', async () => {
    const fulfil = (ref: string): string => JSON.stringify({ op: 'fulfil', furnisherRef: ref });
    const lines = Array.from({ length: 70 }, (_, i) => (i % 10 === 9 ? fulfil(i === 69 ? 'r999' : `r${i - 1}`) : rec(i)));
    const plain = fakeLedger();
    const expected = await runImport(base(inputFile(lines), plain));
    const bulk = fakeLedger();
    const commits: number[] = [];
    const target: ImportTarget = {
      furnish: bulk.furnish,
      fulfil: bulk.fulfil,
      furnishMany: async (f, batches, at) => {
        commits.push(batches.length);
        return Promise.all(batches.map((b) => bulk.furnish(f, b, at)));
      },
      fulfilMany: async (f, items, at) => {
        commits.push(items.length);
        return Promise.all(items.map((l) => bulk.fulfil(f, l.furnisherRef, l.fulfilledAt, at)));
      },
    };
    const input = inputFile(lines);
    const s = await runImport(base(input, target));
    expect({ ...s, rejectedPath: null }).toEqual({ ...expected, rejectedPath: null });
    expect([s.accepted, s.fulfilled, s.rejected]).toEqual([63, 6, 1]);
    // 70 lines, batches of 3: one group of 60 lines (20 batches of records, then their 6 fulfilments), then the last 10.
    expect(commits).toEqual([18, 6, 3, 1]);
    expect(rejectedLines(input).map((r) => [r.line, r.code])).toEqual([[70, 'not_found']]);
  });

  it('reads and sends the next group while one is written, recording answers in line order', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => (i % 20 === 7 ? '{bad' : rec(i)));
    const plain = fakeLedger();
    const expected = await runImport(base(inputFile(lines), plain));
    const slow = fakeLedger();
    let open = 0;
    let overlapped = false;
    const target: ImportTarget = {
      furnish: slow.furnish,
      fulfil: slow.fulfil,
      furnishMany: async (f, batches, at) => {
        open += 1;
        overlapped ||= open > 1;
        // The first group answers last.
        await new Promise((resume) => setTimeout(resume, open === 1 ? 30 : 0));
        open -= 1;
        return Promise.all(batches.map((b) => slow.furnish(f, b, at)));
      },
    };
    const input = inputFile(lines);
    const s = await runImport(base(input, target));
    expect(overlapped).toBe(true);
    expect({ ...s, rejectedPath: null }).toEqual({ ...expected, rejectedPath: null });
    expect(rejectedLines(input).map((r) => r.line)).toEqual([8, 28, 48, 68, 88, 108, 128]);
  });

  it('reports bytes that are not UTF-8 per line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-import-'));
    const input = join(dir, 'gbk.ndjson');
    writeFileSync(input, Buffer.concat([Buffer.from(`${rec(1)}\n{"furnisherRef":"`), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from(`"}\n${rec(2)}\n`)]));
    const s = await runImport(base(input, fakeLedger()));
    expect([s.accepted, s.rejected]).toEqual([2, 1]);
    expect(rejectedLines(input)[0]?.reason).toMatch(/not valid UTF-8/);
  });
});
