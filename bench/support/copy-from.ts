import type pg from 'pg';

/**
 * `COPY … FROM STDIN` with pg's own submittable-query hook (what pg-cursor and pg-copy-streams build
 * on), so the PostgreSQL baseline needs no extra package. Sends `chunks` as the copy data; resolves
 * the number of rows copied.
 */
export function copyFrom(client: pg.Client, sql: string, chunks: readonly Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: unknown;
    const copy = {
      submit: (connection: CopyConnection): void => connection.query(sql),
      handleCopyInResponse: (connection: CopyConnection): void => {
        for (const c of chunks) connection.sendCopyFromChunk(c);
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

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}
