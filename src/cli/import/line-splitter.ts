/** One line (NDJSON) or one record (CSV, which may span physical lines inside quotes) of an input file. */
export interface RawLine {
  /** 1-based physical line on which the line or record starts. */
  readonly lineNo: number;
  /** The bytes without the line terminator; only the first `keepOnOverflow` bytes when `tooLong`. */
  readonly bytes: Buffer;
  /** Full length in bytes, terminator excluded. */
  readonly length: number;
  readonly tooLong: boolean;
  /** Absolute byte offset just past this line's terminator: where a resumed import starts. */
  readonly end: number;
}

export interface SplitOptions {
  /** Longer lines are reported `tooLong` and never buffered whole. */
  readonly maxLength: number;
  /** How much of an over-long line to keep for the rejected file. */
  readonly keepOnOverflow: number;
  /** CSV: a newline inside a quoted field does not end the record. */
  readonly quoteAware: boolean;
  /** Absolute offset and line number of the first byte of `source` (resuming mid-file). */
  readonly startOffset?: number;
  readonly startLine?: number;
}

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

// CSV scanner states (RFC 4180). A quote opens a quoted field only at the start of a field.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * Splits a byte stream into lines with bounded memory: at most `maxLength` bytes of one line are held,
 * however long the line. node:readline cannot do this (it buffers the whole line), and csv-parse drops
 * every record after one that exceeds `max_record_size`, so the split is done here and parsing after.
 */
export async function* splitLines(source: AsyncIterable<Buffer>, opts: SplitOptions): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let length = 0;
  let lineNo = opts.startLine ?? 1;
  let nextLineNo = lineNo;
  let offset = opts.startOffset ?? 0;
  let state = FIELD_START;

  const take = (slice: Buffer): void => {
    length += slice.length;
    const limit = length > opts.maxLength ? opts.keepOnOverflow : opts.maxLength;
    const keep = Math.min(slice.length, limit - held);
    if (keep > 0) {
      parts.push(slice.subarray(0, keep));
      held += keep;
    }
  };
  const finish = (end: number): RawLine => {
    const tooLong = length > opts.maxLength;
    let bytes = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
    if (tooLong && bytes.length > opts.keepOnOverflow) bytes = bytes.subarray(0, opts.keepOnOverflow);
    if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    const line: RawLine = { lineNo, bytes, length: tooLong ? length : bytes.length, tooLong, end };
    parts = [];
    held = 0;
    length = 0;
    state = FIELD_START;
    lineNo = nextLineNo;
    return line;
  };

  for await (const chunk of source) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = opts.quoteAware && length <= opts.maxLength ? scanCsv(chunk, pos) : chunk.indexOf(NL, pos);
      if (nl < 0) {
        take(chunk.subarray(pos));
        break;
      }
      take(chunk.subarray(pos, nl));
      nextLineNo += 1;
      pos = nl + 1;
      yield finish(offset + pos);
    }
    offset += chunk.length;
  }
  if (length > 0) yield finish(offset);

  /** Index of the newline that ends the current CSV record, or -1; counts newlines inside quotes. */
  function scanCsv(buf: Buffer, from: number): number {
    for (let i = from; i < buf.length; i++) {
      const b = buf[i];
      if (b === NL) {
        if (state !== QUOTED) return i;
        nextLineNo += 1;
      } else if (state === FIELD_START) state = b === QUOTE ? QUOTED : b === COMMA ? FIELD_START : UNQUOTED;
      else if (state === UNQUOTED) {
        if (b === COMMA) state = FIELD_START;
      } else if (state === QUOTED) {
        if (b === QUOTE) state = QUOTE_IN_QUOTED;
      } else state = b === QUOTE ? QUOTED : b === COMMA ? FIELD_START : UNQUOTED;
    }
    return -1;
  }
}
