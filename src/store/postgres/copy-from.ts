import type pg from 'pg';
import type { Value } from '../columns.js';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** One `COPY … FROM STDIN` statement and its copy data. */
export interface CopyIn {
  readonly sql: string;
  readonly data: Buffer;
}

/**
 * Several `COPY … FROM STDIN` statements as one query (one round trip), with pg's own
 * submittable-query hook (what pg-cursor and pg-copy-streams build on), so no extra package is
 * needed. Each statement's copy data follows the query at once, without waiting for the server's
 * CopyInResponse; the server reads them in order, each COPY up to its CopyDone. Should a statement
 * fail, the server skips the rest of the query and ignores the copy data still coming (the protocol
 * says so). Resolves the rows copied by each statement that completed, and the error that stopped
 * the others if one did. Queued behind the client's earlier queries.
 */
export function copyManyFrom(client: pg.ClientBase, copies: readonly CopyIn[]): Promise<{ readonly rows: readonly number[]; readonly error?: unknown }> {
  return new Promise((resolve, reject) => {
    const rows: number[] = [];
    const copy = {
      submit: (connection: CopyConnection): void => {
        connection.query(copies.map((c) => c.sql).join('; '));
        for (const c of copies) {
          connection.sendCopyFromChunk(c.data);
          connection.endCopyFrom();
        }
      },
      handleCopyInResponse: (): void => undefined,
      handleCommandComplete: (msg: { text?: string }): void => {
        rows.push(Number(/^COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0));
      },
      // pg drops a query at its error (the ReadyForQuery that follows is not passed on), so it ends here.
      handleError: (error: unknown): void => resolve({ rows, error }),
      handleReadyForQuery: (): void => resolve({ rows }),
    };
    // pg reports a lost connection through the submittable's handleError, and otherwise throws here.
    try {
      void client.query(copy as unknown as pg.QueryConfig);
    } catch (error) {
      reject(error as Error);
    }
  });
}

/** One `COPY … FROM STDIN`: resolves the number of rows copied. */
export async function copyFrom(client: pg.ClientBase, sql: string, data: Buffer): Promise<number> {
  const { rows, error } = await copyManyFrom(client, [{ sql, data }]);
  if (rows.length === 0) throw error instanceof Error ? error : new Error(`COPY failed: ${String(error)}`);
  return rows[0] ?? 0;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes for backslash, tab, newline and return. */
const field = (v: Value): string => {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
};

/**
 * Rows as COPY text-format data: each row joined, then encoded straight into one growing buffer. (Built
 * as one string and encoded at the end, the rows of a slice made a rope that took about a third of the
 * time to flatten and encode.)
 */
export function copyText(rows: readonly (readonly Value[])[]): Buffer {
  let buf = Buffer.allocUnsafe(1 << 16);
  let at = 0;
  for (const row of rows) {
    const line = row.map(field).join('\t');
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    const need = line.length * 3 + 1;
    if (at + need > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + need));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at);
    buf[at++] = 10; // newline
  }
  return buf.subarray(0, at);
}
