import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, type SubjectId } from '../../src/core/brand.js';
import type { ClientInput } from '../../src/ledger/index.js';
import { buildApp } from '../../src/server/app.js';
import type { StandingChange } from '../../src/server/changes/change-feed.js';
import { issueKey, type IssuedKey } from '../../src/server/clients/issue-key.js';
import type { StreamSettings } from '../../src/server/streams/stream-registry.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { ServiceStore } from '../../src/store/service-store.js';
import { PERSON, START } from './support/api-harness.js';
import { FLIGHT } from './support/seed.js';

const AIRLINE: ClientInput = { id: 'airline', role: 'relying_party', name: 'Test Airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] } };
const OPERATOR: ClientInput = { id: 'operator-a', role: 'operator', name: 'Operator A', scope: {} };
const HEARTBEAT_MS = 100;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface Registry { app: FastifyInstance; service: ServiceStore; base: string; port: number; airline: IssuedKey[]; operator: string; close(): Promise<void> }

/** A registry on a temp SQLite file with an airline holding three keys and an operator, listening on a local port. */
async function startRegistry(streams: Partial<StreamSettings>): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'credence-stream-'));
  const url = `sqlite:${join(dir, 'credence.db')}`;
  const [store, service] = [await openStore(url), await openServiceStore(url)];
  const app = await buildApp({ store, service, clock: () => START, sweepEveryMs: null, streams });
  for (const c of [AIRLINE, OPERATOR]) await app.deps.ledger.registerClient(c, START);
  const airline = [await issueKey(service, clientId('airline'), START), await issueKey(service, clientId('airline'), START), await issueKey(service, clientId('airline'), START)];
  const operator = (await issueKey(service, clientId('operator-a'), START)).key;
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const check = await app.inject({ method: 'POST', url: '/v1/checks', headers: { authorization: `Bearer ${airline[0]?.key ?? ''}` }, payload: { subject: PERSON, ...FLIGHT } });
  expect(check.statusCode).toBe(200);
  return {
    app, service, base, port: Number(new URL(base).port), airline, operator,
    close: async () => {
      await app.close();
      await service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Stream { readonly received: () => string; readonly ended: Promise<void>; readonly isEnded: () => boolean; close(): void }

/** Opens GET /v1/stream and resolves once the `ready` event came; `ended` resolves when the server ends it. */
function openStream(base: string, key: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let text = '';
    let ended = false;
    let markEnded = (): void => undefined;
    const endedP = new Promise<void>((ok) => { markEnded = () => { ended = true; ok(); }; });
    const req = request(`${base}/v1/stream`, { headers: { authorization: `Bearer ${key}` } }, (res: IncomingMessage) => {
      expect(res.statusCode).toBe(200);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('event: ready')) resolve({ received: () => text, ended: endedP, isEnded: () => ended, close: () => req.destroy() });
      });
      res.on('close', markEnded);
    });
    req.on('error', (e) => (ended ? undefined : reject(e)));
    req.end();
  });
}

const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, sleep(ms).then(() => { throw new Error(`${what} not within ${ms} ms`); })]);

describe('stream safety: revocation ends open streams', () => {
  let r: Registry;
  const streams: Stream[] = [];
  const revoke = (url: string, payload?: object) =>
    r.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${r.operator}` }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    r = await startRegistry({ heartbeatMs: HEARTBEAT_MS });
    for (const k of r.airline) streams.push(await openStream(r.base, k.key));
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await r.close();
  });

  it('ends the stream of a key revoked by another process (straight in the database) within a heartbeat or two', async () => {
    await r.service.revokeApiKey(clientId('airline'), r.airline[2]?.id ?? '', START);
    await within(streams[2]?.ended ?? Promise.reject(new Error('no stream')), HEARTBEAT_MS * 30, 'the revoked key\'s stream to end');
    await sleep(HEARTBEAT_MS * 3);
    expect(streams.slice(0, 2).map((s) => s.isEnded())).toEqual([false, false]);
    expect(r.app.deps.streams.count('airline')).toBe(2);
  });

  it('ends the stream of a key revoked through the operator route, and only that one', async () => {
    expect((await revoke(`/v1/clients/airline/keys/${r.airline[0]?.id ?? ''}/revocation`)).statusCode).toBe(200);
    await within(streams[0]?.ended ?? Promise.reject(new Error('no stream')), HEARTBEAT_MS * 30, 'the revoked key\'s stream to end');
    const before = streams[1]?.received().length ?? 0;
    await sleep(HEARTBEAT_MS * 3);
    expect(streams[1]?.isEnded()).toBe(false);
    expect(streams[1]?.received().length).toBeGreaterThan(before); // still getting heartbeats
  });

  it('ends every stream of a client revoked through the operator route', async () => {
    expect((await revoke('/v1/clients/airline/revocation', { reason: 'contract ended' })).statusCode).toBe(200);
    await within(streams[1]?.ended ?? Promise.reject(new Error('no stream')), HEARTBEAT_MS * 30, 'the revoked client\'s stream to end');
    expect(r.app.deps.streams.count('airline')).toBe(0);
    expect(r.app.deps.changes.listeners()).toBe(0);
  });
});

describe('stream safety: a revocation through the operator routes ends streams at once', () => {
  let r: Registry;
  let streams: Stream[] = [];
  beforeAll(async () => {
    // A heartbeat far longer than the test: only the revocation routes can end the streams in time.
    r = await startRegistry({ heartbeatMs: 600_000 });
    streams = [await openStream(r.base, r.airline[0]?.key ?? ''), await openStream(r.base, r.airline[1]?.key ?? '')];
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await r.close();
  });

  it('ends the revoked key\'s stream, then the rest of the revoked client\'s, without waiting for a heartbeat', async () => {
    const revoke = (url: string, payload?: object) =>
      r.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${r.operator}` }, ...(payload ? { payload } : {}) });
    expect((await revoke(`/v1/clients/airline/keys/${r.airline[0]?.id ?? ''}/revocation`)).statusCode).toBe(200);
    await within(streams[0]?.ended ?? Promise.reject(new Error('no stream')), 2_000, 'the revoked key\'s stream to end');
    expect(streams[1]?.isEnded()).toBe(false);
    expect((await revoke('/v1/clients/airline/revocation', { reason: 'contract ended' })).statusCode).toBe(200);
    await within(streams[1]?.ended ?? Promise.reject(new Error('no stream')), 2_000, 'the revoked client\'s stream to end');
  });
});

/** A standing change of PERSON with a long list history, so each event is about a kilobyte. */
function bulkyChange(at: number, points = 900): StandingChange {
  const lists = Array.from({ length: 8 }, (_, i) => ({ listId: `consumption-restricted-${i}`, kind: 'red' as const, since: START, until: null }));
  return {
    subjectId: `cn-rid:${PERSON.identifier}` as SubjectId, subjectKind: 'person', at, rulebookVersion: '2026.1',
    standing: { points, grade: 'B', lists }, previous: { points: points + 1, grade: 'B', lists: [] },
  };
}

/** Opens a stream on a raw socket that is never read from; resolves with the server's side of the connection. */
async function unreadStream(r: Registry): Promise<{ reader: Socket; socket: Socket }> {
  const serverSide = new Promise<Socket>((ok) => r.app.server.once('connection', ok));
  const reader = connect(r.port, '127.0.0.1');
  // Sends the request, then reads nothing (a paused socket stops reading once its small buffer is full).
  reader.pause();
  reader.write(`GET /v1/stream HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${r.airline[0]?.key ?? ''}\r\n\r\n`);
  const socket = await serverSide;
  for (let i = 0; i < 50 && r.app.deps.streams.count('airline') === 0; i++) await sleep(10);
  expect(r.app.deps.streams.count('airline')).toBe(1);
  return { reader, socket };
}

describe('stream safety: a client that stops reading, with no room to hold changes back', () => {
  let r: Registry;
  let reader: Socket | undefined;

  beforeAll(async () => { r = await startRegistry({ coalesceAtBytes: 1024 * 1024 }); });
  afterAll(async () => {
    reader?.destroy();
    await r.close();
  });

  it('is cut off by the server once it falls behind, and what waits never grows past the cap', async () => {
    const cap = r.app.deps.streams.settings.maxQueuedBytes;
    const opened = await unreadStream(r);
    reader = opened.reader;
    const { socket } = opened;

    let batches = 0;
    let mostQueued = 0;
    const open = () => r.app.deps.streams.count('airline') > 0;
    while (open() && batches < 40) {
      const handed = socket.bytesWritten; // includes what waits unsent
      r.app.deps.changes.publish(Array.from({ length: 1000 }, (_, i) => bulkyChange(START + batches * 1000 + i)));
      batches++;
      for (let waited = 0; open() && socket.bytesWritten === handed && waited < 2000; waited += 10) await sleep(10);
      mostQueued = Math.max(mostQueued, socket.destroyed ? 0 : socket.writableLength);
    }
    // Each batch is about 1 MB: without the cap the stream would hold all 40 MB (less what the kernel took).
    expect(open()).toBe(false);
    expect(mostQueued).toBeLessThanOrEqual(cap + 4096);
    expect(socket.destroyed).toBe(true);
    expect(r.app.deps.changes.listeners()).toBe(0);
  });
});

describe('stream safety: a client that reads slower than changes come', () => {
  let r: Registry;
  let reader: Socket | undefined;

  beforeAll(async () => { r = await startRegistry({}); });
  afterAll(async () => {
    reader?.destroy();
    await r.close();
  });

  it('keeps its stream and, once it reads again, gets the latest change of each subject with the standing before the burst', async () => {
    const { coalesceAtBytes } = r.app.deps.streams.settings;
    const opened = await unreadStream(r);
    reader = opened.reader;
    const { socket } = opened;
    let text = '';
    reader.setEncoding('utf8');
    reader.on('data', (chunk: string) => { text += chunk; });

    // Bursts of a thousand changes of one subject (about 1 MB each) while nothing is read, until the
    // kernel's buffers are full (a few MB on loopback) and changes wait in the server, then two more.
    let published = 0;
    let mostQueued = 0;
    let extra = 2;
    for (let burst = 0; burst < 400 && extra > 0; burst++) {
      r.app.deps.changes.publish(Array.from({ length: 1000 }, (_, i) => bulkyChange(START + published + i, 100_000 - published - i)));
      published += 1000;
      await sleep(20);
      mostQueued = Math.max(mostQueued, socket.writableLength);
      if (socket.writableLength >= coalesceAtBytes) extra -= 1;
    }
    const final = 100_000 - published + 1;
    expect(extra).toBe(0);
    expect(r.app.deps.streams.count('airline')).toBe(1);
    expect(mostQueued).toBeLessThan(coalesceAtBytes + 4096);

    reader.resume();
    const points = (): number[] => [...text.matchAll(/"points":(\d+),"grade":"B","lists":\[\{/g)].map((m) => Number(m[1]));
    for (let waited = 0; !points().includes(final) && waited < 10_000; waited += 20) await sleep(20);
    const sent = points();
    expect(sent.at(-1)).toBe(final); // the last change published
    expect(sent.length).toBeLessThan(published - 1000); // the rest were held back, merged per subject
    // The merged change's previous is the standing before the first change it stands for.
    const last = text.slice(text.lastIndexOf('event: standing'));
    const previous = (JSON.parse(last.slice(last.indexOf('data: ') + 6, last.indexOf('\n\n'))) as { previous: { points: number } }).previous;
    expect(previous.points).toBeGreaterThan(final + 1000);
    expect(r.app.deps.streams.count('airline')).toBe(1);
  });
});
