import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Receiver {
  /** http://127.0.0.1:port */
  readonly url: string;
  readonly received: Received[];
  /** The status the next requests are answered with (204 at first). */
  answer(status: number): void;
  /** Waits for a request that matches, received already or to come. */
  next(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

/** A webhook endpoint on 127.0.0.1 that keeps every request it gets. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let status = 204;
  const waiting = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
      for (const w of waiting) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (s) => {
      status = s;
    },
    next: (match, timeoutMs = 10_000) => new Promise((resolve, reject) => {
      const look = (): boolean => {
        const found = received.find(match);
        if (!found) return false;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const check = (): void => void look();
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no matching webhook request within ${timeoutMs} ms; got ${received.length}`));
      }, timeoutMs);
      if (!look()) waiting.add(check);
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
