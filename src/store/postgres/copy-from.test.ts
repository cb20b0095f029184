import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../columns.js';
import { copyText } from './copy-from.js';

/** Reads COPY text format back as the server would: rows by newline, fields by tab, `\N` null, backslash escapes. */
function parseCopyText(data: Buffer): (string | null)[][] {
  const text = data.toString('utf8');
  if (text === '') return [];
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => line.split('\t').map((f) => (f === '\\N' ? null : f.replace(/\\(.)/g, (_, c: string) => {
    const plain = ({ t: '\t', n: '\n', r: '\r', '\\': '\\' } as Record<string, string>)[c];
    if (plain === undefined) throw new Error(`unexpected escape \\${c}`);
    return plain;
  }))));
}

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.constantFrom('\\', '\t', '\n', '\r', 'a\\tb', '\\N', '中国人民银行'), fc.maxSafeInteger(), fc.integer(),
);

describe('copyText', () => {
  it('reads back as the values it was given, whatever characters they hold', () => {
    fc.assert(fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 12 }), { maxLength: 40 }), (rows) => {
      expect(parseCopyText(copyText(rows))).toEqual(rows.map((r) => r.map((v) => (v === null ? null : String(v)))));
    }), { numRuns: 500 });
  });

  it('keeps every row when the rows outgrow its first buffer many times over', () => {
    const long = `${'长'.repeat(3000)}\t${'x'.repeat(5000)}`;
    const rows = Array.from({ length: 200 }, (_, i): Value[] => [i, long, null, `row ${i}`]);
    const back = parseCopyText(copyText(rows));
    expect(back).toHaveLength(200);
    expect(back[199]).toEqual(['199', long, null, 'row 199']);
    expect(back.every((r, i) => r[0] === String(i) && r[1] === long)).toBe(true);
  });
});
