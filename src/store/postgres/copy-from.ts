import type pg from 'pg';
import type { Value } from '../columns.js';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` with pg's own submittable-query hook (what pg-cursor and pg-copy-streams build
 * on), so no extra package is needed. The copy data follows the query at once, without waiting for
 * the server's CopyInResponse: the statement then costs one round trip, and the server copies while
 * this process does other work. Should the statement fail before copying, the server ignores the
 * data and CopyDone that follow (the protocol says so). Resolves the number of rows copied. Queued
 * behind the client's earlier queries, like any query.
 */
export function copyFrom(client: pg.ClientBase, sql: string, data: readonly Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: unknown;
    const copy = {
      submit: (connection: CopyConnection): void => {
        connection.query(sql);
        for (const chunk of data) connection.sendCopyFromChunk(chunk);
        connection.endCopyFrom();
      },
      handleCopyInResponse: (): void => undefined,
      handleCommandComplete: (msg: { text?: string }): void => {
        rows = Number(/^COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
      },
      handleError: (error: unknown): void => {
        failure = error;
      },
      handleReadyForQuery: (): void => (failure === undefined ? resolve(rows) : reject(failure as Error)),
    };
    void client.query(copy as unknown as pg.QueryConfig);
  });
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes for backslash, tab, newline and return. */
const field = (v: Value): string => {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
};

/** Rows as COPY text-format data. */
export function copyText(rows: readonly (readonly Value[])[]): Buffer {
  let text = '';
  for (const row of rows) text += `${row.map(field).join('\t')}\n`;
  return Buffer.from(text);
}
