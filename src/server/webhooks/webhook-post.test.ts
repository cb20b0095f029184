import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook, publicOnlyLookup, webhookSignature } from './webhook-post.js';

interface Received { readonly path: string; readonly headers: IncomingMessage['headers']; readonly body: string }

const servers: Server[] = [];

/** A receiver on 127.0.0.1 that records every request and connection and answers with `handle`. */
async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  server.on('connection', () => { connections += 1; });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, connections: () => connections };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const body = JSON.stringify({ event: 'standing.changed', subjectId: 'sub_1', grade: 'B' });
const open = { publicOnly: false, timeoutMs: 2_000 } as const;

/** The check a relying party's receiver would make with its own copy of the secret. */
function receiverAccepts(header: string | undefined, secret: string, rawBody: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (match === null) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

describe('webhookSignature', () => {
  it('is the HMAC-SHA256 of "<t>.<body>" under the secret, tagged with the time', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1700000000000.{"a":1}').digest('hex');
    expect(webhookSignature('whsec_test', 1_700_000_000_000, '{"a":1}')).toBe(`t=1700000000000,v1=${expected}`);
    expect(webhookSignature('whsec_other', 1_700_000_000_000, '{"a":1}')).not.toContain(expected);
  });
});

describe('postWebhook', () => {
  it('delivers a signed JSON POST that the receiver can verify, and a 2xx is ok', async () => {
    const r = await receiver((_req, res) => res.writeHead(204).end());
    const result = await postWebhook(`http://127.0.0.1:${r.port}/hooks/credence?x=1`, body, 'whsec_1', 'dlv_42', 1_700_000_000_000, open);
    expect(result).toEqual({ ok: true, status: 204, error: null });
    const [got] = r.received;
    expect(got?.path).toBe('/hooks/credence?x=1');
    expect(got?.body).toBe(body);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers['user-agent']).toBe('Credence-Webhook/1');
    expect(got?.headers['credence-delivery']).toBe('dlv_42');
    expect(got?.headers['credence-timestamp']).toBe('1700000000000');
    expect(got?.headers['credence-signature']).toMatch(/^t=1700000000000,/);
    expect(receiverAccepts(got?.headers['credence-signature'] as string, 'whsec_1', got?.body ?? '')).toBe(true);
    expect(receiverAccepts(got?.headers['credence-signature'] as string, 'whsec_forged', got?.body ?? '')).toBe(false);
    expect(receiverAccepts(got?.headers['credence-signature'] as string, 'whsec_1', `${body} `)).toBe(false);
  });

  it('reports a 500 with its status and a sanitized excerpt of the answer', async () => {
    const r = await receiver((_req, res) => res.writeHead(500).end('boom\r\n\u0000\u00e9 stack: ' + 'x'.repeat(500)));
    const result = await postWebhook(`http://127.0.0.1:${r.port}/`, body, 's', 'dlv_1', 1, open);
    expect(result.ok).toBe(false);
    expect(result.status).toBe(500);
    expect(result.error).toMatch(/^HTTP 500: boom stack: x+$/);
    expect((result.error ?? '').length).toBeLessThanOrEqual(200);
  });

  it('does not follow a redirect', async () => {
    const target = await receiver((_req, res) => res.writeHead(200).end());
    const r = await receiver((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end());
    const result = await postWebhook(`http://127.0.0.1:${r.port}/`, body, 's', 'dlv_1', 1, open);
    expect(result).toEqual({ ok: false, status: 302, error: 'redirect (HTTP 302) not followed' });
    expect(target.connections()).toBe(0);
  });

  it('gives up on a receiver that never answers, at the deadline', async () => {
    const r = await receiver(() => undefined);
    const started = performance.now();
    const result = await postWebhook(`http://127.0.0.1:${r.port}/`, body, 's', 'dlv_1', 1, { publicOnly: false, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, status: null, error: 'timed out after 300 ms' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it.each([200, 503])('answers with the status of a %i whose body would take 10 s to arrive, without waiting for it', async (status) => {
    // 2 KiB at once, then 64 KiB every 50 ms up to 12.8 MB: reading it all would take about 10 s, past the 5 s deadline.
    const r = await receiver((_req, res) => {
      res.writeHead(status).write(Buffer.alloc(2048, 'a'));
      let sent = 0;
      const more = setInterval(() => {
        if ((sent += 1) > 200) res.end();
        else res.write(Buffer.alloc(64 * 1024, 'a'));
      }, 50);
      res.on('close', () => clearInterval(more));
    });
    const started = performance.now();
    const result = await postWebhook(`http://127.0.0.1:${r.port}/`, body, 's', 'dlv_1', 1, { publicOnly: false, timeoutMs: 5_000 });
    expect(result).toEqual({ ok: status === 200, status, error: status === 200 ? null : `HTTP 503: ${'a'.repeat(100)}` });
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('reports a refused connection without a status', async () => {
    const r = await receiver(() => undefined);
    servers.pop()?.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await postWebhook(`http://127.0.0.1:${r.port}/`, body, 's', 'dlv_1', 1, open);
    expect(result).toEqual({ ok: false, status: null, error: 'ECONNREFUSED' });
  });

  it('reports a URL it cannot post to without throwing', async () => {
    expect(await postWebhook('not a url', body, 's', 'd', 1, open)).toEqual({ ok: false, status: null, error: 'invalid URL' });
    expect((await postWebhook('ftp://example.com/', body, 's', 'd', 1, open)).error).toBe('unsupported URL scheme ftp:');
    expect((await postWebhook('http://127.0.0.1:1/', body, 's', 'bad\nid', 1, open)).status).toBeNull();
  });
});

describe('postWebhook with publicOnly', () => {
  const guarded = { publicOnly: true, timeoutMs: 2_000 } as const;

  it.each([
    ['an IPv4 loopback literal', (port: number) => `http://127.0.0.1:${port}/`, 'address 127.0.0.1 is not public'],
    ['an IPv6 loopback literal', (port: number) => `http://[::1]:${port}/`, 'address ::1 is not public'],
    ['an IPv4-mapped loopback literal', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`, 'address ::ffff:7f00:1 is not public'],
    ['a numeric IPv4 spelling of loopback', (port: number) => `http://2130706433:${port}/`, 'address 127.0.0.1 is not public'],
  ])('refuses %s without connecting', async (_name, url, error) => {
    const r = await receiver((_req, res) => res.writeHead(200).end());
    expect(await postWebhook(url(r.port), body, 's', 'd', 1, guarded)).toEqual({ ok: false, status: null, error });
    expect(r.connections()).toBe(0);
  });

  it('refuses a hostname that resolves to loopback without connecting', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end());
    const result = await postWebhook(`http://localhost:${r.port}/`, body, 's', 'd', 1, guarded);
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/^address (127\.0\.0\.1|::1) of localhost is not public$/);
    expect(r.connections()).toBe(0);
  });
});

describe('publicOnlyLookup', () => {
  type Answer = { address: string; family: number }[];
  const resolving = (answer: Answer) => publicOnlyLookup((_host, _options, callback) => callback(null, answer));
  const run = (answer: Answer, all: boolean) => new Promise<unknown[]>((resolve) => {
    resolving(answer)('hooks.example', { all }, (...args) => resolve(args));
  });

  it('passes public answers on in the shape the connection asked for', async () => {
    const answer = [{ address: '2606:4700::1111', family: 6 }, { address: '1.1.1.1', family: 4 }];
    expect(await run(answer, true)).toEqual([null, answer]);
    expect(await run(answer, false)).toEqual([null, '2606:4700::1111', 6]);
  });

  it('fails the lookup when any answer is not public', async () => {
    const [err] = await run([{ address: '1.1.1.1', family: 4 }, { address: '10.0.0.5', family: 4 }], true);
    expect((err as Error).message).toBe('address 10.0.0.5 of hooks.example is not public');
  });
});
