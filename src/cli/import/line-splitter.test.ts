import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLines, type RawLine, type SplitOptions } from './line-splitter.js';

async function split(input: string | Buffer, opts: Partial<SplitOptions> = {}, chunkSizes: readonly number[] = [7]): Promise<RawLine[]> {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  async function* chunks(): AsyncGenerator<Buffer> {
    let pos = 0;
    let i = 0;
    while (pos < buf.length) {
      const n = Math.max(1, chunkSizes[i++ % chunkSizes.length] ?? 1);
      yield buf.subarray(pos, pos + n);
      pos += n;
    }
  }
  const out: RawLine[] = [];
  for await (const line of splitLines(chunks(), { maxLength: 1 << 20, keepOnOverflow: 16, quoteAware: false, ...opts })) out.push(line);
  return out;
}

const texts = (lines: readonly RawLine[]): string[] => lines.map((l) => l.bytes.toString());

describe('splitLines', () => {
  it('gives back the same lines and offsets however the input is chunked', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '中', ' ', '"', ','), maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), async (lines, sizes) => {
        const input = `${lines.join('\n')}\n`;
        const out = await split(input, {}, sizes);
        expect(texts(out)).toEqual(lines);
        expect(out.map((l) => l.lineNo)).toEqual(lines.map((_, i) => i + 1));
        // Each line ends where the next begins: a read resumed from `end` starts on the next line.
        let end = 0;
        expect(out.map((l) => l.end)).toEqual(lines.map((l) => (end += Buffer.byteLength(l) + 1)));
        expect(out.at(-1)?.end).toBe(Buffer.byteLength(input));
      }),
    );
  });

  it('reports a line longer than the limit without holding it, and goes on with the next', async () => {
    const long = 'x'.repeat(5000);
    const out = await split(`{"a":1}\n${long}\n{"b":2}`, { maxLength: 1000, keepOnOverflow: 16 }, [64]);
    expect(out.map((l) => [l.lineNo, l.tooLong, l.length])).toEqual([[1, false, 7], [2, true, 5000], [3, false, 7]]);
    expect(out[1]?.bytes.toString()).toBe('x'.repeat(16));
    expect(texts(out)[2]).toBe('{"b":2}');
  });

  it('strips CR of CRLF endings and ends a last line that has no newline at the end of input', async () => {
    const out = await split('a\r\nb\r\nc');
    expect(texts(out)).toEqual(['a', 'b', 'c']);
    expect(out.map((l) => l.end)).toEqual([3, 6, 7]);
  });

  it('continues numbering and offsets from where a resumed read starts', async () => {
    const out = await split('c\nd\n', { startOffset: 100, startLine: 42 });
    expect(out.map((l) => [l.lineNo, l.end])).toEqual([[42, 102], [43, 104]]);
  });

  describe('CSV records', () => {
    it('keeps a newline inside a quoted field in the record and counts the physical line', async () => {
      const out = await split('a,b\n1,"two\nlines"\n3,"say ""hi"""\n4,x\n', { quoteAware: true }, [3]);
      expect(texts(out)).toEqual(['a,b', '1,"two\nlines"', '3,"say ""hi"""', '4,x']);
      expect(out.map((l) => l.lineNo)).toEqual([1, 2, 4, 5]);
    });

    it('treats a quote inside an unquoted field as text, not as an opening quote', async () => {
      const out = await split('1,ab"c\n2,d\n', { quoteAware: true });
      expect(texts(out)).toEqual(['1,ab"c', '2,d']);
    });

    it('recovers from an unterminated quote once the record passes the length limit', async () => {
      const out = await split(`1,"open\n${'y'.repeat(200)}\n2,ok\n3,ok\n`, { quoteAware: true, maxLength: 100 });
      expect(out[0]?.tooLong).toBe(true);
      expect(texts(out).slice(1)).toEqual(['2,ok', '3,ok']);
      expect(out.map((l) => l.lineNo)).toEqual([1, 3, 4]);
    });
  });
});
