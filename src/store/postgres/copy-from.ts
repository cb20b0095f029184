import type pg from 'pg';
import type { Value } from '../columns.js';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` with pg's own submittable-query hook (what pg-cursor and pg-copy-streams build
 * on), so no extra package is needed. Sends `data` as the copy data once the server asks for it;
 * resolves the number of rows copied. Queued behind the client's earlier queries, like any query.
 */
export function copyFrom(client: pg.ClientBase, sql: string, data: readonly Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: unknown;
    const copy = {
      submit: (connection: CopyConnection): void => connection.query(sql),
      handleCopyInResponse: (connection: CopyConnection): void => {
        for (const chunk of data) connection.sendCopyFromChunk(chunk);
        connection.endCopyFrom();
      },
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
